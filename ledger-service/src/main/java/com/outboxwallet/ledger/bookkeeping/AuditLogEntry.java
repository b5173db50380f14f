package com.outboxwallet.ledger.bookkeeping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record AuditLogEntry(
        UUID topUpId,
        UUID walletId,
        String idempotencyKey,
        BigDecimal amount,
        String currency,
        String message,
        Instant occurredAt,
        Instant recordedAt) {}
