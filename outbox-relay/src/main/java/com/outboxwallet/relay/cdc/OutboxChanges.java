package com.outboxwallet.relay.cdc;

import com.outboxwallet.events.OutboxMessage;
import com.outboxwallet.relay.outbox.OutboxRow;
import io.debezium.data.Envelope;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Reads an outbox row out of a Debezium change record. Only inserts matter: the relay's own "published" updates and
 * the retention job's deletes come back through the slot too, and are not events.
 */
final class OutboxChanges {

    private OutboxChanges() {}

    static Optional<OutboxRow> insertedRow(SourceRecord record) {
        if (!(record.value() instanceof Struct value) || value.schema().field(Envelope.FieldName.OPERATION) == null) {
            return Optional.empty(); // heartbeats and tombstones
        }
        if (Envelope.Operation.forCode(value.getString(Envelope.FieldName.OPERATION)) != Envelope.Operation.CREATE) {
            return Optional.empty();
        }
        Struct row = value.getStruct(Envelope.FieldName.AFTER);
        // Debezium's defaults: uuid, jsonb and timestamptz arrive as strings, bigint as a long.
        return Optional.of(new OutboxRow(
                row.getInt64("id"),
                new OutboxMessage(
                        UUID.fromString(row.getString("event_id")),
                        row.getString("aggregate_type"),
                        UUID.fromString(row.getString("aggregate_id")),
                        row.getString("event_type"),
                        row.getString("payload"),
                        row.getString("idempotency_key"),
                        row.getInt64("sequence"),
                        Instant.parse(row.getString("occurred_at")),
                        row.getString("traceparent"))));
    }
}
