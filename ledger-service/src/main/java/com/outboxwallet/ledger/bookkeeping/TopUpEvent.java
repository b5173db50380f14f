package com.outboxwallet.ledger.bookkeeping;

import com.outboxwallet.events.TopUpAccepted;

/** A top-up event as delivered and its payload. */
record TopUpEvent(ReceivedEvent envelope, TopUpAccepted event) {}
