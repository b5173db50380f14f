package com.outboxwallet.api.topup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An accepted top-up; immutable once written. */
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
        Instant createdAt) {}
