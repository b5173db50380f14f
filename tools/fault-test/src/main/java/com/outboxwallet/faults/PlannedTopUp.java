package com.outboxwallet.faults;

import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * The n-th top-up of a run: whose it is, its key and its amount, all from the seed, so a run's requests are the same
 * whichever client thread sends them. Every retry sends exactly this: the same key with the same body.
 */
record PlannedTopUp(int number, int user, String idempotencyKey, BigDecimal amount) {

    static PlannedTopUp of(long seed, int number, int users) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + number);
        long cents = 1 + random.nextLong(100_000); // 0.01 to 1,000.00
        return new PlannedTopUp(
                number, random.nextInt(users), "fault-" + seed + "-" + number, BigDecimal.valueOf(cents, 2));
    }

    String body() {
        return "{\"amount\":\"" + amount.toPlainString() + "\"}";
    }
}
