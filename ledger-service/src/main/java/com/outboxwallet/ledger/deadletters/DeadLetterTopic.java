package com.outboxwallet.ledger.deadletters;

import com.outboxwallet.ledger.LedgerProperties;
import com.outboxwallet.ledger.bookkeeping.OperatorSetAsides;
import com.outboxwallet.ledger.operations.ProgressLine;
import com.outboxwallet.ledger.operations.TopicReader;
import com.outboxwallet.process.ConditionalOnCommand;
import com.outboxwallet.process.OperatorCommandLine;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

/**
 * The work of {@code dead-letters list | redrive <partition:offset> | redrive-all | set-aside <partition:offset>}
 * ({@link DeadLettersCommand}).
 * Re-driving publishes the record back to the wallet events topic; the ledger's dedupe by event id makes that safe
 * even for a record that was applied after all. {@code redrive-all} leaves out records whose event the ledger already
 * holds, and reads only up to the end offsets it saw at start, so records that fail again and come back are not
 * re-driven in a loop.
 */
@Component
@ConditionalOnCommand(DeadLettersCommand.NAME)
class DeadLetterTopic {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopic.class);

    private final PrintStream out = System.out;
    private final ConsumerFactory<?, ?> consumers;
    private final KafkaOperations<Object, Object> kafka;
    private final LedgerProperties properties;
    private final JdbcClient ledger;
    private final OperatorSetAsides setAsides;
    private final KafkaAdmin admin;

    DeadLetterTopic(
            ConsumerFactory<?, ?> consumers,
            KafkaOperations<Object, Object> kafka,
            LedgerProperties properties,
            JdbcClient ledger,
            OperatorSetAsides setAsides,
            KafkaAdmin admin) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.properties = properties;
        this.ledger = ledger;
        this.setAsides = setAsides;
        this.admin = admin;
    }

    /**
     * Break glass: tells the live ledger to set the record at {@code position} of the wallet events topic aside. The
     * consumer holding it moves it to the dead-letter topic at its next attempt (within {@code ledger.retry}'s longest
     * back-off) and applies the rest; a replay honours it too. Recorded with who and why in
     * {@code operator_set_asides}, and logged.
     */
    int setAside(RecordPosition position, String reason, String operator) {
        String named = properties.topic() + "-" + position;
        ConsumerRecord<String, byte[]> record;
        try (TopicReader reader = new TopicReader(consumers, properties.topic(), "ledger-dead-letters")) {
            record = reader.recordAt(position.partition(), position.offset())
                    .orElseThrow(() ->
                            new IllegalArgumentException("no record at " + position + " on " + properties.topic()));
        }
        long committed = committedOffset(position.partition());
        if (committed > position.offset()) {
            out.printf(
                    "dead-letters set-aside: the ledger is already past %s (its group has committed offset %d): the"
                            + " record was applied or set aside; nothing to do%n",
                    named, committed);
            return OperatorCommandLine.FOUND_PROBLEMS;
        }
        boolean recorded =
                setAsides.record(properties.topic(), position.partition(), position.offset(), reason, operator);
        log.atWarn()
                .addKeyValue("operator", operator)
                .addKeyValue("walletId", record.key())
                .log("Operator action: {} set aside record {} (key {}): {}", operator, named, record.key(), reason);
        out.printf(
                "dead-letters set-aside: %s %s (key %s): the ledger moves it to %s at its next attempt and goes on%n",
                recorded ? "set aside" : "already set aside, by an earlier set-aside:",
                named,
                record.key(),
                properties.deadLetterTopic());
        return OperatorCommandLine.OK;
    }

    /** The live consumer group's committed offset on that partition of the events topic, 0 if none. */
    private long committedOffset(int partition) {
        Object group = consumers.getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG);
        if (group == null) {
            return 0;
        }
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            OffsetAndMetadata committed = client.listConsumerGroupOffsets(group.toString())
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS)
                    .get(new TopicPartition(properties.topic(), partition));
            return committed == null ? 0 : committed.offset();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the ledger's committed offsets: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    int list() {
        long[] counts = new long[2];
        try (TopicReader reader = reader()) {
            reader.seek(reader.beginning());
            reader.readUntil(reader.end(), record -> {
                DeadLetter letter = new DeadLetter(record);
                boolean applied = applied(letter);
                counts[applied ? 1 : 0]++;
                out.println((applied ? "applied " : "pending ") + letter);
            });
        }
        out.printf(
                "dead-letters: %d record(s) on %s: %d pending, %d whose event the ledger already holds%n",
                counts[0] + counts[1], properties.deadLetterTopic(), counts[0], counts[1]);
        return OperatorCommandLine.OK;
    }

    int redrive(RecordPosition position) throws InterruptedException {
        try (TopicReader reader = reader()) {
            DeadLetter letter = reader.recordAt(position.partition(), position.offset())
                    .map(DeadLetter::new)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "no record at " + position + " on " + properties.deadLetterTopic()));
            out.println("re-driven " + letter + " to " + send(letter));
            return OperatorCommandLine.OK;
        }
    }

    int redriveAll() throws InterruptedException {
        long[] counts = new long[2];
        try (TopicReader reader = reader()) {
            reader.seek(reader.beginning());
            Map<TopicPartition, Long> end = reader.end();
            ProgressLine progress = new ProgressLine(
                    out,
                    () -> "dead-letters: " + counts[0] + " re-driven, " + counts[1] + " skipped, "
                            + reader.remaining(end) + " to go");
            reader.readUntil(end, record -> {
                DeadLetter letter = new DeadLetter(record);
                if (applied(letter)) {
                    counts[1]++;
                } else {
                    out.println("re-driven " + letter + " to " + sendUninterruptibly(letter));
                    counts[0]++;
                }
                progress.tick();
            });
        }
        out.printf(
                "dead-letters: %d re-driven, %d skipped (their event is already in the ledger)%n",
                counts[0], counts[1]);
        return OperatorCommandLine.OK;
    }

    private boolean applied(DeadLetter letter) {
        Optional<UUID> id = letter.eventUuid();
        return id.isPresent()
                && ledger.sql("SELECT count(*) FROM processed_events WHERE event_id = :id")
                                .param("id", id.get())
                                .query(Long.class)
                                .single()
                        > 0;
    }

    private String send(DeadLetter letter) throws InterruptedException {
        try {
            RecordMetadata sent =
                    kafka.send(letter.redrive(properties.topic())).get().getRecordMetadata();
            return sent.topic() + "-" + sent.partition() + "@" + sent.offset();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not re-drive " + letter.position() + ": " + e.getCause(), e);
        }
    }

    private String sendUninterruptibly(DeadLetter letter) {
        try {
            return send(letter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-driving " + letter.position(), e);
        }
    }

    private TopicReader reader() {
        return new TopicReader(consumers, properties.deadLetterTopic(), "ledger-dead-letters");
    }
}
