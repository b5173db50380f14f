package com.outboxwallet.api.wallet;

import java.math.BigDecimal;
import java.util.UUID;

/** @param version grows by exactly one per top-up: the sequence number of the wallet's events */
public record Wallet(UUID id, UUID userId, BigDecimal balance, String currency, long version) {}
