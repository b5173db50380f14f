package com.outboxwallet.ledger.deadletters;

import com.outboxwallet.events.CloudEventHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A record on the dead-letter topic, read back with the headers Spring Kafka's dead-letter publisher wrote: where it
 * came from (partition and offset are binary int and long) and why it could not be applied.
 */
record DeadLetter(ConsumerRecord<String, byte[]> record) {

    private static final int MAX_REASON = 200;

    /** The ledger's reason code; the consumer writes it (its DeadLetterWriter, a package the commands may not use). */
    static final String REASON = "ledger_dlt-reason";

    /** The prefix of every header the ledger adds to a dead letter. */
    static final String LEDGER_HEADERS = "ledger_dlt-";

    String position() {
        return record.partition() + ":" + record.offset();
    }

    @Nullable
    String eventId() {
        return text(CloudEventHeaders.ID);
    }

    /** @return the event id, if the record carries a readable one */
    Optional<UUID> eventUuid() {
        try {
            return Optional.ofNullable(eventId()).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Nullable
    String originalTopic() {
        return text(KafkaHeaders.DLT_ORIGINAL_TOPIC);
    }

    String origin() {
        Header partition = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION);
        Header offset = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
        return originalTopic() + "-"
                + (partition == null || partition.value() == null || partition.value().length != Integer.BYTES
                        ? "?"
                        : ByteBuffer.wrap(partition.value()).getInt())
                + "@"
                + (offset == null || offset.value() == null || offset.value().length != Long.BYTES
                        ? "?"
                        : ByteBuffer.wrap(offset.value()).getLong());
    }

    /**
     * The ledger's reason code and message (e.g. {@code invalid-amount: amount must be ...}); for a record set aside
     * before the ledger wrote reason codes, the class of Spring's exception headers instead of the code.
     */
    String reason() {
        String code = text(REASON);
        if (code == null) {
            String cause = text(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
            String type = cause != null ? cause : text(KafkaHeaders.DLT_EXCEPTION_FQCN);
            code = type == null ? "unknown" : type.substring(type.lastIndexOf('.') + 1);
        }
        String message = text(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        String reason = code + (message == null ? "" : ": " + message);
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…";
    }

    /**
     * The record as it was first published: same key, value and headers, without the dead-letter headers (so a record
     * that fails again gets fresh ones), to its original topic; the key puts it on its wallet's partition again.
     */
    ProducerRecord<Object, Object> redrive(String defaultTopic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(KafkaHeaders.PREFIX + "dlt-")
                    && !header.key().startsWith(LEDGER_HEADERS)) {
                headers.add(header);
            }
        }
        String topic = originalTopic() == null ? defaultTopic : originalTopic();
        return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
    }

    @Override
    public String toString() {
        return position() + " ce_id=" + eventId() + " type=" + text(CloudEventHeaders.TYPE) + " key=" + record.key()
                + " from " + origin() + " reason: " + reason();
    }

    private @Nullable String text(String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
