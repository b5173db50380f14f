package com.outboxwallet.ledger.bookkeeping;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A wallet event as delivered: its CloudEvents attributes, its payload, and where in the stream it was read.
 *
 * @param walletSequence the {@code ce_walletsequence} header, or null when the producer did not send it
 */
public record ReceivedEvent(
        UUID eventId,
        String type,
        @Nullable String idempotencyKey,
        @Nullable Long walletSequence,
        String topic,
        int partition,
        long offset,
        byte[] payload) {}
