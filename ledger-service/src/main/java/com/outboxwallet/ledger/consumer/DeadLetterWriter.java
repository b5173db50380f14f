package com.outboxwallet.ledger.consumer;

import com.outboxwallet.ledger.LedgerProperties;
import com.outboxwallet.ledger.bookkeeping.Refusal;
import com.outboxwallet.ledger.consumer.RecordBatches.AppliedRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd;
import org.springframework.stereotype.Component;

/**
 * Sets records the ledger will not apply aside on the dead-letter topic, on the partition they came from, with Spring
 * Kafka's dead-letter headers for where it came from ({@code kafka_dlt-original-topic}, {@code -partition},
 * {@code -offset}, {@code -timestamp}) and why ({@code kafka_dlt-exception-message}), and the ledger's own:
 * {@value #REASON} (the {@link Refusal}'s stable code), {@value #EXCEPTION} (the class of what was thrown, an
 * {@code Error} included) and {@value #FIRST_SEEN} (when the ledger first failed on the record). No stack trace: it
 * says nothing about a record and would make the dead letter larger than the record. Each send waits for the broker's acknowledgement and throws if
 * it fails, so the batch's offsets are committed only once its dead letters are safely on the topic.
 *
 * <p>A record too large for the dead-letter topic even with its room for headers (possible only if the events
 * topic's limit was raised after the dead-letter topic was set up) goes without its value and says so in
 * {@value #VALUE_OMITTED}; the events topic keeps the record at the position the headers name.
 */
@Component
class DeadLetterWriter {

    static final String REASON = "ledger_dlt-reason";
    static final String EXCEPTION = "ledger_dlt-exception";
    static final String FIRST_SEEN = "ledger_dlt-first-seen";
    static final String VALUE_OMITTED = "ledger_dlt-value-omitted";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterWriter.class);

    private final DeadLetterPublishingRecoverer publisher;
    private final DeadLetterTopicSetup topic;
    private final ConsumptionMetrics metrics;

    DeadLetterWriter(
            KafkaOperations<Object, Object> kafka,
            LedgerProperties properties,
            DeadLetterTopicSetup topic,
            ConsumptionMetrics metrics) {
        this.topic = topic;
        this.metrics = metrics;
        this.publisher = new DeadLetterPublishingRecoverer(
                kafka,
                (record, e) -> new TopicPartition(
                        properties.deadLetterTopic(), record.partition() < topic.ensure() ? record.partition() : -1));
        // Spring's exception headers would name SetAsideRecord, the carrier, not what was thrown: EXCEPTION does.
        publisher.excludeHeader(HeadersToAdd.EX_STACKTRACE, HeadersToAdd.EXCEPTION, HeadersToAdd.EX_CAUSE);
        publisher.addHeadersFunction((record, e) -> e instanceof SetAsideRecord setAside ? setAside.headers() : null);
    }

    /**
     * @param firstSeen when the ledger first tried the batch these records came in
     * @throws RuntimeException when the dead-letter topic cannot be reached or refuses; the batch is retried
     */
    /** Makes or corrects the dead-letter topic before the first dead letter needs it. */
    void checkTopic() {
        topic.checkAtStart();
    }

    void setAside(List<AppliedRecord> setAside, Instant firstSeen) {
        if (setAside.isEmpty()) {
            return;
        }
        topic.ensure();
        for (AppliedRecord applied : setAside) {
            Refusal refusal = Objects.requireNonNull(applied.refusal());
            ConsumerRecord<String, byte[]> record = applied.record();
            try {
                publisher.accept(record, null, new SetAsideRecord(refusal, firstSeen, false));
            } catch (RuntimeException e) {
                if (!causedBy(e, RecordTooLargeException.class)) {
                    throw e;
                }
                publisher.accept(withoutValue(record), null, new SetAsideRecord(refusal, firstSeen, true));
            }
            metrics.countDeadLetter(refusal.reason());
            // The wallet (the record's key) as a field of its own, for a log pipeline to find its lines.
            log.atWarn()
                    .addKeyValue("walletId", record.key())
                    .addKeyValue("reason", refusal.reason())
                    .log(
                            "Record {}-{}@{} was set aside on the dead-letter topic ({}): {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            refusal.reason(),
                            refusal.message());
        }
    }

    private static ConsumerRecord<String, byte[]> withoutValue(ConsumerRecord<String, byte[]> record) {
        return new ConsumerRecord<>(
                record.topic(),
                record.partition(),
                record.offset(),
                record.timestamp(),
                record.timestampType(),
                -1,
                -1,
                record.key(),
                null,
                record.headers(),
                record.leaderEpoch());
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The exception a dead letter names: the refusal's message, its cause, and the ledger's headers. */
    static final class SetAsideRecord extends RuntimeException {

        private final String reason;
        private final String exception;
        private final Instant firstSeen;
        private final boolean valueOmitted;

        SetAsideRecord(Refusal refusal, Instant firstSeen, boolean valueOmitted) {
            super(refusal.message(), refusal.cause(), false, false);
            this.reason = refusal.reason();
            this.exception = refusal.cause().getClass().getName();
            this.firstSeen = firstSeen;
            this.valueOmitted = valueOmitted;
        }

        @Nullable
        Headers headers() {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON, reason.getBytes(StandardCharsets.UTF_8));
            headers.add(EXCEPTION, exception.getBytes(StandardCharsets.UTF_8));
            headers.add(FIRST_SEEN, firstSeen.toString().getBytes(StandardCharsets.UTF_8));
            if (valueOmitted) {
                headers.add(
                        VALUE_OMITTED,
                        "too large for the dead-letter topic; the record is on its original topic at the position the"
                                .concat(" kafka_dlt-original-* headers name")
                                .getBytes(StandardCharsets.UTF_8));
            }
            return headers;
        }
    }
}
