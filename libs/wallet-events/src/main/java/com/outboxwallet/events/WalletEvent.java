package com.outboxwallet.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A record of a wallet topic that passed every check of the contract ({@link WalletEventReader}).
 *
 * @param walletSequence {@code ce_walletsequence}; present on every top-up
 * @param idempotencyKey {@code ce_idempotencykey}, absent on events no request caused
 * @param topUp          the payload, when the type is {@link TopUpAccepted#TYPE}; null otherwise
 * @param reversal       the payload, when the type is {@link TopUpReversed#TYPE}; null otherwise
 */
public record WalletEvent(
        UUID id,
        String source,
        String type,
        Instant time,
        @Nullable Long walletSequence,
        @Nullable String idempotencyKey,
        @Nullable TopUpAccepted topUp,
        @Nullable TopUpReversed reversal) {}
