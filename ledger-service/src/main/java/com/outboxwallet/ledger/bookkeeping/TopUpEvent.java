package com.outboxwallet.ledger.bookkeeping;

import com.outboxwallet.events.TopUpAccepted;

/** A top-up event as delivered and its payload, read and found consistent with its headers. */
record TopUpEvent(ReceivedEvent envelope, TopUpAccepted event) {}
