package com.outboxwallet.relay.kafka;

import com.outboxwallet.events.CloudEventHeaders;
import com.outboxwallet.relay.RelayProperties;
import com.outboxwallet.relay.outbox.OutboxRow;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Maps an outbox row to a CloudEvents 1.0 record in Kafka binary mode: attributes as {@code ce_*} headers, the JSON
 * payload as the value, the wallet id as the key so one wallet's events share a partition and keep their order.
 */
@Component
public class CloudEventRecords {

    private final RelayProperties properties;

    /** Public for tools that must publish exactly as the relay does, such as {@code bin/benchmark ledger}. */
    public CloudEventRecords(RelayProperties properties) {
        this.properties = properties;
    }

    /** The record with the trace context the api-service stored with the row. */
    public ProducerRecord<String, byte[]> toRecord(OutboxRow row) {
        return toRecord(row, row.message().traceparent());
    }

    /** @param traceparent the W3C context the record carries (the relay's producer span); null for none */
    public ProducerRecord<String, byte[]> toRecord(OutboxRow row, @Nullable String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.ID, row.message().eventId().toString());
        header(headers, CloudEventHeaders.SOURCE, properties.cloudEvents().source());
        header(headers, CloudEventHeaders.TYPE, row.message().eventType());
        header(headers, CloudEventHeaders.TIME, row.message().occurredAt().toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        header(
                headers,
                CloudEventHeaders.WALLET_SEQUENCE,
                Long.toString(row.message().sequence()));
        if (row.message().idempotencyKey() != null) {
            header(headers, CloudEventHeaders.IDEMPOTENCY_KEY, row.message().idempotencyKey());
        }
        if (traceparent != null) {
            header(headers, CloudEventHeaders.TRACEPARENT, traceparent);
        }
        return new ProducerRecord<>(
                properties.topic().name(),
                null,
                row.message().aggregateId().toString(),
                row.message().payload().getBytes(StandardCharsets.UTF_8),
                headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
