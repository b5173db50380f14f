package com.outboxwallet.api.topup.strategy;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Exponential backoff with full jitter, so retrying losers do not collide again in lockstep. */
final class Backoff {

    private final long baseNanos;
    private final long maxNanos;

    Backoff(Duration base, Duration max) {
        this.baseNanos = base.toNanos();
        this.maxNanos = max.toNanos();
    }

    long delayNanos(int attempt) {
        long ceiling = Math.min(maxNanos, baseNanos << Math.min(attempt - 1, 20));
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    void pause(int attempt) {
        try {
            TimeUnit.NANOSECONDS.sleep(delayNanos(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalletBusy("interrupted while waiting to retry");
        }
    }
}
