package com.outboxwallet.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The faults of a run, in the order the seed shuffles them: each kind {@code faultsEach} times, each fault with the
 * pause before it and a random source of its own (which instance it hits, how long things stay down). With overlaps,
 * some faults strike together with the one before them, at its moment.
 */
record FaultSchedule(List<Planned> faults) {

    /** @param withPrevious whether it strikes together with the fault before it (then its own pause is not taken) */
    record Planned(int number, FaultKind kind, Duration before, long seed, boolean withPrevious) {

        SplittableRandom random() {
            return new SplittableRandom(seed);
        }
    }

    static FaultSchedule of(long seed, Set<FaultKind> kinds, int faultsEach, Duration maxGap) {
        return of(seed, kinds, faultsEach, maxGap, 0);
    }

    /**
     * @param overlapPercent the chance, in percent, that a fault strikes together with the one before it, when the
     *                       two hit different parts ({@link FaultKind#part()}) and that one strikes alone; 0: one at a
     *                       time, and the same schedule as without the option
     */
    static FaultSchedule of(long seed, Set<FaultKind> kinds, int faultsEach, Duration maxGap, int overlapPercent) {
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
        // Overlaps drawn apart, so that a schedule without them is the one it always was.
        SplittableRandom overlaps = new SplittableRandom(seed * 31 + 17);
        List<Planned> faults = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            FaultKind kind = order.get(i);
            Planned previous = i == 0 ? null : faults.get(i - 1);
            boolean withPrevious = overlaps.nextInt(100) < overlapPercent
                    && previous != null
                    && !previous.withPrevious()
                    && previous.kind().part() != kind.part();
            faults.add(new Planned(
                    i + 1,
                    kind,
                    Duration.ofMillis(random.nextLong(maxGap.toMillis() + 1)),
                    random.nextLong(),
                    withPrevious));
        }
        return new FaultSchedule(List.copyOf(faults));
    }
}
