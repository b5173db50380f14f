package com.outboxwallet.api.payment;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a provider says of one payment, from a notification or its status API: the one input every path that moves
 * a payment (the webhook, the poll, the reconciliation) feeds to {@link PaymentReports}.
 *
 * @param orderId        our id at the provider
 * @param transactionId  the provider's id of the payment
 * @param providerStatus the provider's own word for the state ({@code settlement}), for logs and the record
 * @param amount         the amount the provider says the payment is for (its gross amount)
 * @param dedupeKey      identifies this news: the same key twice is the same news
 * @param reversedAmount what a partial refund or chargeback took back; null when it took the whole payment back, or
 *                       the news is no reversal
 */
public record ProviderReport(
        String orderId,
        @Nullable String transactionId,
        ProviderOutcome outcome,
        String providerStatus,
        BigDecimal amount,
        String currency,
        String dedupeKey,
        @Nullable BigDecimal reversedAmount) {

    public ProviderReport {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(providerStatus, "providerStatus");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
    }

    /** News that reverses nothing, or the whole payment. */
    public ProviderReport(
            String orderId,
            @Nullable String transactionId,
            ProviderOutcome outcome,
            String providerStatus,
            BigDecimal amount,
            String currency,
            String dedupeKey) {
        this(orderId, transactionId, outcome, providerStatus, amount, currency, dedupeKey, null);
    }
}
