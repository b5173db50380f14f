package com.outboxwallet.ledger.consumer;

import com.outboxwallet.events.CloudEventHeaders;
import com.outboxwallet.events.InvalidWalletEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The CloudEvents attributes of a record plus where it was read from. */
public record WalletEventEnvelope(UUID eventId, String type, String idempotencyKey, String topic, int partition,
                                  long offset, byte[] payload) {

    public static WalletEventEnvelope of(ConsumerRecord<String, byte[]> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null || record.value() == null) {
            throw new InvalidWalletEvent("record without ce_id, ce_type or value at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset(), null);
        }
        try {
            return new WalletEventEnvelope(UUID.fromString(id), type, header(record, CloudEventHeaders.IDEMPOTENCY_KEY),
                    record.topic(), record.partition(), record.offset(), record.value());
        } catch (IllegalArgumentException e) {
            throw new InvalidWalletEvent("ce_id is not a UUID: " + id, e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
