package com.outboxwallet.ledger.ledger;

import java.util.UUID;

/** A wallet event as delivered: its CloudEvents attributes, its payload, and where in the stream it was read. */
public record ReceivedEvent(UUID eventId, String type, String idempotencyKey, String topic, int partition,
                            long offset, byte[] payload) {
}
