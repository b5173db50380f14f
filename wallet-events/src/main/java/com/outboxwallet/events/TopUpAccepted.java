package com.outboxwallet.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A top-up was accepted: the wallet's balance was raised by {@code amount} and is now {@code balanceAfter}.
 * Amounts are exact decimals with two fraction digits, written as JSON strings.
 *
 * @param sequence the wallet's version after this top-up; consecutive events of one wallet differ by exactly one
 */
public record TopUpAccepted(
        UUID topUpId,
        UUID walletId,
        UUID userId,
        BigDecimal amount,
        String currency,
        BigDecimal balanceAfter,
        long sequence,
        Instant occurredAt) {

    /** CloudEvents {@code type}; the suffix is the payload's schema version. */
    public static final String TYPE = "com.outboxwallet.wallet.topup.accepted.v1";

    public TopUpAccepted {
        Objects.requireNonNull(topUpId, "topUpId");
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (balanceAfter == null || balanceAfter.compareTo(amount) < 0) {
            throw new IllegalArgumentException("balanceAfter must be at least the amount: " + balanceAfter);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
    }
}
