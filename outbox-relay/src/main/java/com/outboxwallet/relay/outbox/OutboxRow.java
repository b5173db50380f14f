package com.outboxwallet.relay.outbox;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An outbox row as the api-service wrote it. The relay forwards the payload without reading it. */
public record OutboxRow(
        long id,
        UUID eventId,
        UUID aggregateId,
        String eventType,
        String payload,
        String idempotencyKey,
        long sequence,
        Instant occurredAt,
        @Nullable String traceparent) {}
