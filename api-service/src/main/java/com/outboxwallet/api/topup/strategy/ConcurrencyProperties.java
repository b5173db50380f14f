package com.outboxwallet.api.topup.strategy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param strategy   how concurrent top-ups of one wallet are ordered (see docs/api.md for what each costs)
 * @param optimistic retries of the optimistic strategy
 * @param lock       the Redisson lock of the redisson-lock strategy
 * @param coalescing how the coalescing strategy gathers top-ups
 */
@Validated
@ConfigurationProperties("wallet.concurrency")
public record ConcurrencyProperties(ConcurrencyStrategy strategy, @Valid Optimistic optimistic, @Valid Lock lock,
                                    @Valid Coalescing coalescing) {

    public ConcurrencyProperties {
        strategy = strategy == null ? ConcurrencyStrategy.ATOMIC_UPDATE : strategy;
        optimistic = optimistic == null ? new Optimistic(0, null, null) : optimistic;
        lock = lock == null ? new Lock(null, null) : lock;
        coalescing = coalescing == null ? new Coalescing(0) : coalescing;
    }

    /**
     * @param maxBatch the most top-ups one transaction takes; those that arrive while it commits wait for the next
     */
    public record Coalescing(@Min(0) @Max(1000) int maxBatch) {

        public Coalescing {
            maxBatch = maxBatch == 0 ? 64 : maxBatch;
        }
    }

    /**
     * @param maxAttempts attempts before answering 409 wallet-busy
     * @param baseBackoff first pause; each retry doubles it, with full jitter
     * @param maxBackoff  longest pause
     */
    public record Optimistic(@Min(0) @Max(100) int maxAttempts, Duration baseBackoff, Duration maxBackoff) {

        public Optimistic {
            maxAttempts = maxAttempts == 0 ? 10 : maxAttempts;
            baseBackoff = baseBackoff == null ? Duration.ofMillis(2) : baseBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofMillis(100) : maxBackoff;
        }
    }

    /**
     * @param waitTime  how long a top-up waits for the wallet's lock before answering 409 wallet-busy
     * @param leaseTime when the lock frees itself if its holder died; no watchdog extends it, so it must exceed the
     *                  longest top-up transaction (the version check covers the case where it does not)
     */
    public record Lock(Duration waitTime, Duration leaseTime) {

        public Lock {
            waitTime = waitTime == null ? Duration.ofSeconds(5) : waitTime;
            leaseTime = leaseTime == null ? Duration.ofSeconds(10) : leaseTime;
        }
    }
}
