package com.outboxwallet.relay.outbox;

import com.outboxwallet.events.OutboxMessage;

/**
 * An outbox row as the api-service wrote it: its message, and the id that orders the rows and marks them published.
 * The relay forwards the payload without reading it.
 */
public record OutboxRow(long id, OutboxMessage message) {}
