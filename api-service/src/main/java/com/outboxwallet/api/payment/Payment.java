package com.outboxwallet.api.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A funded top-up: the user's request, the payment the provider opened for it, and where it stands.
 *
 * @param providerOrderId       our id at the provider, which it refuses to open twice
 * @param providerTransactionId the provider's id, once it answered
 * @param instructions          how to pay, once the provider answered
 * @param settledAmount         what the provider says was paid, once it settled
 * @param paidLate              settled after the wallet had expired or failed it (credited all the same)
 * @param heldReason            why a HELD payment was not credited
 */
public record Payment(
        UUID id,
        UUID userId,
        UUID walletId,
        String idempotencyKey,
        String requestFingerprint,
        BigDecimal amount,
        String currency,
        PaymentMethod method,
        String provider,
        String providerOrderId,
        @Nullable String providerTransactionId,
        PaymentState state,
        @Nullable Instructions instructions,
        @Nullable Instant expiresAt,
        @Nullable BigDecimal settledAmount,
        boolean paidLate,
        @Nullable String heldReason,
        @Nullable UUID topUpId,
        Instant createdAt,
        Instant updatedAt) {}
