package com.outboxwallet.ledger.consumer;

import com.outboxwallet.events.CloudEventHeaders;
import com.outboxwallet.events.InvalidWalletEvent;
import com.outboxwallet.ledger.bookkeeping.ReceivedEvent;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Kafka record in CloudEvents binary mode; a record that is not a wallet event is poison, not retryable.
 * Headers it does not know are ignored.
 */
final class ReceivedEvents {

    private ReceivedEvents() {}

    static ReceivedEvent of(ConsumerRecord<String, byte[]> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null || record.value() == null) {
            throw new InvalidWalletEvent(
                    "record without ce_id, ce_type or value at " + record.topic() + "-" + record.partition() + "@"
                            + record.offset(),
                    null);
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidWalletEvent("ce_id is not a UUID: " + id, e);
        }
        return new ReceivedEvent(
                eventId,
                type,
                header(record, CloudEventHeaders.IDEMPOTENCY_KEY),
                walletSequence(record),
                record.topic(),
                record.partition(),
                record.offset(),
                record.value());
    }

    private static @Nullable Long walletSequence(ConsumerRecord<String, byte[]> record) {
        String sequence = header(record, CloudEventHeaders.WALLET_SEQUENCE);
        if (sequence == null) {
            return null;
        }
        try {
            return Long.valueOf(sequence);
        } catch (NumberFormatException e) {
            throw new InvalidWalletEvent("ce_walletsequence is not a number: " + sequence, e);
        }
    }

    private static @Nullable String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
