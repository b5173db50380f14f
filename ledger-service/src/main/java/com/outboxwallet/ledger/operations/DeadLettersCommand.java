package com.outboxwallet.ledger.operations;

import java.time.Duration;
import com.outboxwallet.ledger.LedgerProperties;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * {@code dead-letters list | redrive <partition:offset> | redrive-all}. Re-driving publishes the record back to the
 * wallet events topic; the ledger's dedupe by event id makes that safe even for a record that was applied after all.
 * {@code redrive-all} leaves out records whose event the ledger already holds, and reads only up to the end offsets
 * it saw at start, so records that fail again and come back are not re-driven in a loop.
 */
@Component
@ConditionalOnProperty(name = OperatorCommand.PROPERTY, havingValue = "dead-letters")
class DeadLettersCommand extends OperatorRun {

    private static final String USAGE = "usage: dead-letters list | redrive <partition:offset> | redrive-all";

    private final ConsumerFactory<?, ?> consumers;
    private final KafkaOperations<Object, Object> kafka;
    private final LedgerProperties properties;
    private final JdbcClient ledger;

    DeadLettersCommand(ConsumerFactory<?, ?> consumers, KafkaOperations<Object, Object> kafka,
                       LedgerProperties properties, JdbcClient ledger) {
        super(OperatorCommand.DEAD_LETTERS);
        this.consumers = consumers;
        this.kafka = kafka;
        this.properties = properties;
        this.ledger = ledger;
    }

    @Override
    protected int execute(CommandArguments args) throws InterruptedException {
        String action = args.word(1).orElseThrow(() -> new UsageException(USAGE));
        return switch (action) {
            case "list" -> list();
            case "redrive" -> redrive(args.word(2).filter(p -> p.matches("\\d+:\\d+"))
                    .orElseThrow(() -> new UsageException(USAGE)));
            case "redrive-all" -> redriveAll();
            default -> throw new UsageException(USAGE);
        };
    }

    private int list() {
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
        out.printf("dead-letters: %d record(s) on %s: %d pending, %d whose event the ledger already holds%n",
                counts[0] + counts[1], properties.deadLetterTopic(), counts[0], counts[1]);
        return OK;
    }

    private int redrive(String position) throws InterruptedException {
        int partition = Integer.parseInt(position.substring(0, position.indexOf(':')));
        long offset = Long.parseLong(position.substring(position.indexOf(':') + 1));
        try (TopicReader reader = reader()) {
            TopicPartition topicPartition = reader.partitions().stream().filter(p -> p.partition() == partition)
                    .findFirst().orElseThrow(() -> new UsageException("no partition " + partition + " on "
                            + properties.deadLetterTopic()));
            if (offset >= reader.end().get(topicPartition) || offset < reader.beginning().get(topicPartition)) {
                throw new UsageException("no record at " + position + " on " + properties.deadLetterTopic());
            }
            reader.seek(Map.of(topicPartition, offset));
            Optional<DeadLetter> found = Optional.empty();
            while (found.isEmpty()) {
                found = reader.consumer().poll(Duration.ofMillis(500)).records(topicPartition).stream()
                        .filter(r -> r.offset() == offset).findFirst().map(DeadLetter::new);
            }
            out.println("re-driven " + found.get() + " to " + send(found.get()));
            return OK;
        }
    }

    private int redriveAll() throws InterruptedException {
        long[] counts = new long[2];
        try (TopicReader reader = reader()) {
            reader.seek(reader.beginning());
            Map<TopicPartition, Long> end = reader.end();
            ProgressLine progress = new ProgressLine(out, () -> "dead-letters: " + counts[0] + " re-driven, "
                    + counts[1] + " skipped, " + reader.remaining(end) + " to go");
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
        out.printf("dead-letters: %d re-driven, %d skipped (their event is already in the ledger)%n",
                counts[0], counts[1]);
        return OK;
    }

    private boolean applied(DeadLetter letter) {
        Optional<UUID> id = letter.eventUuid();
        return id.isPresent() && ledger.sql("SELECT count(*) FROM processed_events WHERE event_id = :id")
                .param("id", id.get()).query(Long.class).single() > 0;
    }

    private String send(DeadLetter letter) throws InterruptedException {
        try {
            RecordMetadata sent = kafka.send(letter.redrive(properties.topic())).get().getRecordMetadata();
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
