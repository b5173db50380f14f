package com.outboxwallet.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes outbox rows the way the api-service does, so the relay sees nothing it would not see in production. */
final class OutboxRows {

    static final String INSERT = """
            INSERT INTO outbox (event_id, aggregate_type, aggregate_id, event_type, payload, idempotency_key, sequence,
                                occurred_at)
            VALUES (?, 'wallet', ?, 'com.outboxwallet.wallet.topup.accepted.v1', CAST(? AS jsonb), ?, ?, ?)""";

    private OutboxRows() {}

    static UUID anEventFor(JdbcClient jdbc, UUID walletId, long sequence) {
        UUID eventId = UUID.randomUUID();
        jdbc.sql(INSERT.replace("?", "%s").formatted(":eventId", ":walletId", ":payload", ":key", ":sequence", ":at"))
                .param("eventId", eventId)
                .param("walletId", walletId)
                .param("payload", payload(walletId, sequence))
                .param("key", "key-" + eventId)
                .param("sequence", sequence)
                .param("at", Timestamp.from(Instant.now()))
                .update();
        return eventId;
    }

    /** Inserts on the given connection without committing: the row stays invisible until the caller commits. */
    static UUID anUncommittedEventFor(Connection connection, UUID walletId, long sequence) throws SQLException {
        UUID eventId = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, eventId);
            insert.setObject(2, walletId);
            insert.setString(3, payload(walletId, sequence));
            insert.setString(4, "key-" + eventId);
            insert.setLong(5, sequence);
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return eventId;
    }

    static String payload(UUID walletId, long sequence) {
        return """
                {"topUpId":"%s","walletId":"%s","userId":"%s","amount":"1.00","currency":"IDR",\
                "balanceAfter":"%d.00","sequence":%d,"occurredAt":"2026-11-25T06:00:00Z"}""".formatted(UUID.randomUUID(), walletId, UUID.randomUUID(), sequence, sequence);
    }
}
