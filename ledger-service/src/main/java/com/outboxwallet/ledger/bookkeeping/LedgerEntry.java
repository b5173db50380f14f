package com.outboxwallet.ledger.bookkeeping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One line of a wallet's account: positive credits the wallet. */
public record LedgerEntry(
        UUID transactionId,
        String account,
        BigDecimal amount,
        String currency,
        Instant occurredAt,
        Instant recordedAt) {}
