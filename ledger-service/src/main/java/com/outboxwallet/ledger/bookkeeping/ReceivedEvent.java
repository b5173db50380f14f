package com.outboxwallet.ledger.bookkeeping;

import com.outboxwallet.events.WalletEvent;
import java.util.UUID;

/** A wallet event as delivered, read and found valid by the contract's reader, and where in the stream it was read. */
public record ReceivedEvent(WalletEvent event, String topic, int partition, long offset) {

    public UUID eventId() {
        return event.id();
    }

    public String type() {
        return event.type();
    }
}
