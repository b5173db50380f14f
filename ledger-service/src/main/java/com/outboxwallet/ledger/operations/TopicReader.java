package com.outboxwallet.ledger.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads a whole topic with a consumer of its own: all partitions assigned, no group, nothing committed, so neither the
 * live service's group nor its offsets are touched. Reading stops at end offsets the caller captured, so a topic that
 * keeps growing still ends. Shared by the commands that read a topic: replay and dead-letters.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;

    private final Map<String, Object> config;

    public TopicReader(ConsumerFactory<?, ?> configured, String topic, String clientId) {
        config = new HashMap<>(configured.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
        consumer.assign(partitions);
    }

    private TopicReader(Map<String, Object> config, List<TopicPartition> partitions, String clientId) {
        this.config = new HashMap<>(config);
        this.config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        this.consumer = new KafkaConsumer<>(this.config, new StringDeserializer(), new ByteArrayDeserializer());
        this.partitions = partitions;
        consumer.assign(partitions);
    }

    /**
     * Readers of disjoint groups of this reader's partitions, each with a consumer of its own (a consumer serves one
     * thread), each starting where this one stands on its partitions.
     */
    public List<TopicReader> split(int readers) {
        int count = Math.max(1, Math.min(readers, partitions.size()));
        List<TopicReader> split = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int group = i;
            List<TopicPartition> mine = partitions.stream()
                    .filter(p -> partitions.indexOf(p) % count == group)
                    .toList();
            TopicReader reader = new TopicReader(config, mine, config.get(ConsumerConfig.CLIENT_ID_CONFIG) + "-" + i);
            mine.forEach(p -> reader.consumer.seek(p, consumer.position(p)));
            split.add(reader);
        }
        return split;
    }

    /** Ends a read in progress on another thread: its poll throws {@link org.apache.kafka.common.errors.WakeupException}. */
    public void wakeup() {
        consumer.wakeup();
    }

    public List<TopicPartition> partitions() {
        return partitions;
    }

    public Map<TopicPartition, Long> beginning() {
        return consumer.beginningOffsets(partitions);
    }

    public Map<TopicPartition, Long> end() {
        return consumer.endOffsets(partitions);
    }

    /** @return for each partition asked about, its first record at or after the given epoch milliseconds, or null */
    public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> times) {
        return consumer.offsetsForTimes(times);
    }

    /** @return the record at this position, if the topic has one there */
    public Optional<ConsumerRecord<String, byte[]>> recordAt(int partition, long offset) {
        Optional<TopicPartition> topicPartition =
                partitions.stream().filter(p -> p.partition() == partition).findFirst();
        if (topicPartition.isEmpty()
                || offset < Objects.requireNonNull(beginning().get(topicPartition.get()))
                || offset >= Objects.requireNonNull(end().get(topicPartition.get()))) {
            return Optional.empty();
        }
        consumer.seek(topicPartition.get(), offset);
        while (consumer.position(topicPartition.get()) <= offset) {
            Optional<ConsumerRecord<String, byte[]>> found = consumer.poll(POLL).records(topicPartition.get()).stream()
                    .filter(r -> r.offset() == offset)
                    .findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty(); // a transaction marker, not a record
    }

    public void seek(Map<TopicPartition, Long> positions) {
        positions.forEach(consumer::seek);
    }

    /** Hands every record to the callback until each partition's position has reached its target (exclusive). */
    public void readUntil(Map<TopicPartition, Long> targets, Consumer<ConsumerRecord<String, byte[]>> callback) {
        readBatchesUntil(targets, records -> records.forEach(callback), positions -> {});
    }

    /**
     * Hands each poll's records to the callback, as one batch, until each partition's position has reached its target
     * (exclusive).
     *
     * @param afterEachPoll told the positions once every record polled before them went to the callback
     */
    public void readBatchesUntil(
            Map<TopicPartition, Long> targets,
            Consumer<List<ConsumerRecord<String, byte[]>>> batch,
            Consumer<Map<TopicPartition, Long>> afterEachPoll) {
        while (!reached(targets)) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            consumer.poll(POLL).forEach(records::add);
            if (!records.isEmpty()) {
                batch.accept(records);
            }
            afterEachPoll.accept(positions());
        }
    }

    public Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        partitions.forEach(p -> positions.put(p, consumer.position(p)));
        return positions;
    }

    /** {@code 0:120, 1:98, 2:0}: partition and offset, as the replay's --from takes them. */
    public static String format(Map<TopicPartition, Long> positions) {
        return positions.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(TopicPartition::partition)))
                .map(e -> e.getKey().partition() + ":" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    public long remaining(Map<TopicPartition, Long> targets) {
        return partitions.stream()
                .mapToLong(p -> Math.max(0, targets.getOrDefault(p, 0L) - consumer.position(p)))
                .sum();
    }

    private boolean reached(Map<TopicPartition, Long> targets) {
        return partitions.stream().allMatch(p -> consumer.position(p) >= targets.getOrDefault(p, 0L));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
