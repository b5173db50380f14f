package com.outboxwallet.api.outbox;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event waiting in the outbox table for the relay. The relay turns the columns into CloudEvents headers and the
 * payload into the record value, without knowing the payload's type.
 *
 * @param traceparent the W3C traceparent of the request that caused the event; null when no request did
 */
public record OutboxMessage(
        UUID eventId,
        String aggregateType,
        UUID aggregateId,
        String eventType,
        String payload,
        String idempotencyKey,
        long sequence,
        Instant occurredAt,
        @Nullable String traceparent) {}
