package com.outboxwallet.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The faults of a run, in the order the seed shuffles them: each kind {@code faultsEach} times, each fault with the
 * pause before it and a random source of its own (which instance it hits, how long things stay down).
 */
record FaultSchedule(List<Planned> faults) {

    record Planned(int number, FaultKind kind, Duration before, long seed) {

        SplittableRandom random() {
            return new SplittableRandom(seed);
        }
    }

    static FaultSchedule of(long seed, Set<FaultKind> kinds, int faultsEach, Duration maxGap) {
        List<FaultKind> order = new ArrayList<>();
        for (FaultKind kind : kinds.stream().sorted().toList()) {
            for (int i = 0; i < faultsEach; i++) {
                order.add(kind);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = order.size() - 1; i > 0; i--) { // Fisher-Yates, so the order is the seed's alone
            int j = random.nextInt(i + 1);
            order.set(i, order.set(j, order.get(i)));
        }
        List<Planned> faults = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            faults.add(new Planned(
                    i + 1, order.get(i), Duration.ofMillis(random.nextLong(maxGap.toMillis() + 1)), random.nextLong()));
        }
        return new FaultSchedule(List.copyOf(faults));
    }
}
