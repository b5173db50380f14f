package com.outboxwallet.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A top-up was accepted: the wallet's balance was raised by {@code amount} and is now {@code balanceAfter}.
 * Amounts are exact decimals with at most two fraction digits, written as JSON strings.
 *
 * @param sequence the wallet's version after this top-up; consecutive events of one wallet differ by exactly one
 * @param funding  the payment that paid for it, when a payment provider settled it; absent for a direct top-up (an
 *                 optional field added within v1: readers that do not know it ignore it)
 */
public record TopUpAccepted(
        UUID topUpId,
        UUID walletId,
        UUID userId,
        BigDecimal amount,
        String currency,
        BigDecimal balanceAfter,
        long sequence,
        Instant occurredAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Funding funding) {

    /** CloudEvents {@code type}; the suffix is the payload's schema version. */
    public static final String TYPE = "com.outboxwallet.wallet.topup.accepted.v1";

    /** @throws InvalidWalletEvent when a value breaks the contract (docs/events.md) */
    public TopUpAccepted {
        Objects.requireNonNull(topUpId, "topUpId");
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
        WalletEventContract.requireAmount("amount", amount);
        WalletEventContract.requireAmount("balanceAfter", balanceAfter);
        if (balanceAfter.compareTo(amount) < 0) {
            throw new InvalidWalletEvent(Violation.INVALID_AMOUNT, "balanceAfter must be at least the amount");
        }
        WalletEventContract.requireCurrency(currency);
        WalletEventContract.requireSequence(sequence);
    }

    /** A direct top-up: no payment behind it. */
    public TopUpAccepted(
            UUID topUpId,
            UUID walletId,
            UUID userId,
            BigDecimal amount,
            String currency,
            BigDecimal balanceAfter,
            long sequence,
            Instant occurredAt) {
        this(topUpId, walletId, userId, amount, currency, balanceAfter, sequence, occurredAt, null);
    }
}
