package com.outboxwallet.ledger.deadletters;

import com.outboxwallet.commands.OperatorCommandLine;
import com.outboxwallet.ledger.LedgerProperties;
import com.outboxwallet.ledger.operations.ProgressLine;
import com.outboxwallet.ledger.operations.TopicReader;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

/**
 * The work of {@code dead-letters list | redrive <partition:offset> | redrive-all} ({@link DeadLettersCommand}).
 * Re-driving publishes the record back to the wallet events topic; the ledger's dedupe by event id makes that safe
 * even for a record that was applied after all. {@code redrive-all} leaves out records whose event the ledger already
 * holds, and reads only up to the end offsets it saw at start, so records that fail again and come back are not
 * re-driven in a loop.
 */
@Component
@ConditionalOnProperty(name = OperatorCommandLine.COMMAND_PROPERTY, havingValue = DeadLettersCommand.NAME)
class DeadLetterTopic {

    private final PrintStream out = System.out;
    private final ConsumerFactory<?, ?> consumers;
    private final KafkaOperations<Object, Object> kafka;
    private final LedgerProperties properties;
    private final JdbcClient ledger;

    DeadLetterTopic(
            ConsumerFactory<?, ?> consumers,
            KafkaOperations<Object, Object> kafka,
            LedgerProperties properties,
            JdbcClient ledger) {
        this.consumers = consumers;
        this.kafka = kafka;
        this.properties = properties;
        this.ledger = ledger;
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
