package com.outboxwallet.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that can only be polled: a broker's offsets, another process's health or database. The pause
 * between checks keeps a benchmark on 2 cores from spinning; it never stands in for the condition itself.
 */
final class Await {

    private Await() {}

    static void until(String what, Duration timeout, Duration every, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + timeout.toSeconds() + " s");
            }
            LockSupport.parkNanos(every.toNanos());
        }
    }
}
