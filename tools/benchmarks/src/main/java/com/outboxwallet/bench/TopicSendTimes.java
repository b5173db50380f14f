package com.outboxwallet.bench;

import com.outboxwallet.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When the relay sent each event: the record timestamp (CreateTime, set by the relay's producer as it sends), by
 * {@code ce_id}, read from the whole topic with a consumer of no group. The relay's first send counts: a record sent
 * again after a failure has a later timestamp and is a duplicate the ledger ignores.
 */
final class TopicSendTimes {

    private TopicSendTimes() {}

    static Map<UUID, Instant> of(String bootstrapServers, String topic) {
        Map<UUID, Instant> sent = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5000),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < Objects.requireNonNull(end.get(p)))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader(CloudEventHeaders.ID);
                    if (id != null) {
                        sent.putIfAbsent(
                                UUID.fromString(new String(id.value(), StandardCharsets.UTF_8)),
                                Instant.ofEpochMilli(record.timestamp()));
                    }
                }
            }
        }
        return sent;
    }
}
