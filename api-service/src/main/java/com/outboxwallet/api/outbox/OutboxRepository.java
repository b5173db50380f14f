package com.outboxwallet.api.outbox;

import com.outboxwallet.events.OutboxMessage;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class OutboxRepository {

    /** The outbox row's columns, and their values as named parameters that {@link #bind} sets. */
    public static final String COLUMNS = """
            event_id, aggregate_type, aggregate_id, event_type, payload, idempotency_key, sequence, occurred_at,
            traceparent""";

    public static final String VALUES = """
            :eventId, :aggregateType, :aggregateId, :eventType, CAST(:payload AS jsonb), :idempotencyKey, :sequence,
            :occurredAt, :traceparent""";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must join the transaction of the change it announces: an event without its change, or the reverse, is a bug. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(OutboxMessage message) {
        bind(jdbc.sql("INSERT INTO outbox (" + COLUMNS + ") VALUES (" + VALUES + ")"), message)
                .update();
    }

    /**
     * Sets {@link #VALUES}' parameters: for a statement that writes the outbox row with the change it announces, in
     * one round trip (a top-up's row and its event).
     */
    public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, OutboxMessage message) {
        return statement
                .param("eventId", message.eventId())
                .param("aggregateType", message.aggregateType())
                .param("aggregateId", message.aggregateId())
                .param("eventType", message.eventType())
                .param("payload", message.payload())
                .param("idempotencyKey", message.idempotencyKey())
                .param("sequence", message.sequence())
                .param("occurredAt", OffsetDateTime.ofInstant(message.occurredAt(), ZoneOffset.UTC))
                .param("traceparent", message.traceparent());
    }
}
