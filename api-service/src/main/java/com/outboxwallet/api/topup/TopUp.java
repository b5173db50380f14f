package com.outboxwallet.api.topup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An accepted top-up; immutable once written.
 *
 * @param paymentId the payment whose settlement made it (a funded top-up); null for a direct top-up
 */
public record TopUp(
        UUID id,
        UUID userId,
        UUID walletId,
        String idempotencyKey,
        String requestFingerprint,
        BigDecimal amount,
        String currency,
        BigDecimal balanceAfter,
        long walletVersion,
        Instant createdAt,
        @Nullable UUID paymentId) {}
