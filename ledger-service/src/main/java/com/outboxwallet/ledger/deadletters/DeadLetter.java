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
                + (partition == null ? "?" : ByteBuffer.wrap(partition.value()).getInt()) + "@"
                + (offset == null ? "?" : ByteBuffer.wrap(offset.value()).getLong());
    }

    String reason() {
        String cause = text(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        String type = cause != null ? cause : text(KafkaHeaders.DLT_EXCEPTION_FQCN);
        String message = text(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        String reason = (type == null ? "unknown" : type.substring(type.lastIndexOf('.') + 1))
                + (message == null ? "" : ": " + message);
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…";
    }

    /**
     * The record as it was first published: same key, value and headers, without the dead-letter headers (so a record
     * that fails again gets fresh ones), to its original topic; the key puts it on its wallet's partition again.
     */
    ProducerRecord<Object, Object> redrive(String defaultTopic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(KafkaHeaders.PREFIX + "dlt-")) {
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
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
