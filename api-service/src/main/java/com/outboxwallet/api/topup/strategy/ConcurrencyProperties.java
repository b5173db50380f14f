package com.outboxwallet.api.topup.strategy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param strategy   how concurrent top-ups of one wallet are ordered (see docs/api.md for what each costs)
 * @param optimistic retries of the optimistic strategy
 * @param lock       the Redisson lock of the redisson-lock strategy
 * @param coalescing how the coalescing strategy gathers top-ups
 */
@Validated
@ConfigurationProperties("wallet.concurrency")
public record ConcurrencyProperties(
        @NotNull ConcurrencyStrategy strategy,
        @Valid @NotNull Optimistic optimistic,
        @Valid @NotNull Lock lock,
        @Valid @NotNull Coalescing coalescing) {

    /**
     * @param maxBatch the most top-ups one transaction takes; those that arrive while it commits wait for the next
     */
    public record Coalescing(@Min(1) @Max(1000) int maxBatch) {}

    /**
     * @param maxAttempts attempts before answering 409 wallet-busy
     * @param baseBackoff first pause; each retry doubles it, with full jitter
     * @param maxBackoff  longest pause
     */
    public record Optimistic(
            @Min(1) @Max(100) int maxAttempts,
            @NotNull Duration baseBackoff,
            @NotNull Duration maxBackoff) {}

    /**
     * @param waitTime  how long a top-up waits for the wallet's lock before answering 409 wallet-busy
     * @param leaseTime when the lock frees itself if its holder died; no watchdog extends it, so it must exceed the
     *                  longest top-up transaction (the version check covers the case where it does not)
     */
    public record Lock(@NotNull Duration waitTime, @NotNull Duration leaseTime) {}
}
