package com.outboxwallet.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A funded top-up was reversed at its payment provider (refunded, charged back, or denied after settlement), and the
 * wallet compensated: its balance was lowered by {@code debited}, as far as it would go. What it could not take back
 * (the user had spent it) is the {@code shortfall}, {@code amount} minus {@code debited}, recorded and owed.
 *
 * @param reversalId the compensation's id (one per reversed payment)
 * @param topUpId    the top-up the payment's settlement made, now reversed
 * @param amount     what the provider took back; positive
 * @param debited    what the wallet gave back, from 0 to {@code amount}
 * @param reason     the provider's word for it: refund, partial_refund, chargeback, partial_chargeback or deny
 * @param sequence   the wallet's version after this event; it continues the top-ups' sequence
 */
public record TopUpReversed(
        UUID reversalId,
        UUID topUpId,
        UUID walletId,
        UUID userId,
        BigDecimal amount,
        BigDecimal debited,
        String currency,
        BigDecimal balanceAfter,
        long sequence,
        String reason,
        Instant occurredAt,
        Funding funding) {

    /** CloudEvents {@code type}; the suffix is the payload's schema version. */
    public static final String TYPE = "com.outboxwallet.wallet.topup.reversed.v1";

    static final Set<String> REASONS = Set.of("refund", "partial_refund", "chargeback", "partial_chargeback", "deny");

    /** @throws InvalidWalletEvent when a value breaks the contract (docs/events.md) */
    public TopUpReversed {
        Objects.requireNonNull(reversalId, "reversalId");
        Objects.requireNonNull(topUpId, "topUpId");
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(debited, "debited");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(balanceAfter, "balanceAfter");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(funding, "funding");
        WalletEventContract.requireAmount("amount", amount);
        WalletEventContract.requireAmountOrZero("debited", debited);
        WalletEventContract.requireAmountOrZero("balanceAfter", balanceAfter);
        if (debited.compareTo(amount) > 0) {
            throw new InvalidWalletEvent(Violation.INVALID_AMOUNT, "debited must be at most the amount");
        }
        WalletEventContract.requireCurrency(currency);
        WalletEventContract.requireSequence(sequence);
        if (!REASONS.contains(reason)) {
            throw new InvalidWalletEvent(
                    Violation.MALFORMED_PAYLOAD,
                    "reason must be one of " + String.join(", ", REASONS) + ", not '"
                            + WalletEventContract.excerpt(reason) + "'");
        }
    }

    /** What the wallet could not take back: owed by the user. */
    public BigDecimal shortfall() {
        return amount.subtract(debited);
    }
}
