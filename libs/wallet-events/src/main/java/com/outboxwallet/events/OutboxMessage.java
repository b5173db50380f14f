package com.outboxwallet.events;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One wallet event as a row of the outbox table: written by the api-service in the transaction of its cause, read by
 * the relay, which turns the columns into CloudEvents headers ({@link CloudEventHeaders}) and the payload into the
 * record's value without reading it.
 *
 * @param aggregateType what {@code aggregateId} names: {@code wallet}
 * @param aggregateId   the record's key, so that one wallet's events keep their order in one partition
 * @param idempotencyKey the key of the request that caused the event; null when no request did
 * @param sequence      the wallet's version after the event: one more per event of the wallet
 * @param traceparent   the W3C traceparent of the request that caused the event; null when no request did
 */
public record OutboxMessage(
        UUID eventId,
        String aggregateType,
        UUID aggregateId,
        String eventType,
        String payload,
        @Nullable String idempotencyKey,
        long sequence,
        Instant occurredAt,
        @Nullable String traceparent) {}
