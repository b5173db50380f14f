package com.outboxwallet.bench;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group has got through a topic, as the broker sees it: the group's committed offsets against the
 * topic's end offsets, read with an admin client, so nothing is asked of the consumer being watched. The ledger
 * commits each record's offset after its database transaction, so "committed" is "applied". Offsets count records:
 * the topic starts at offset 0 and its producers are idempotent but not transactional, so it holds no markers.
 */
final class ConsumerGroupProgress implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;
    private final String group;
    private final List<TopicPartition> partitions;

    ConsumerGroupProgress(String bootstrapServers, String group, String topic) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.group = group;
        this.partitions = Objects.requireNonNull(
                        get(admin.describeTopics(List.of(topic)).allTopicNames())
                                .get(topic),
                        topic)
                .partitions()
                .stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    /**
     * @param committed records of the topic the group has committed, over all partitions
     * @param end       records in the topic
     */
    record Position(long committed, long end) {

        long lag() {
            return end - committed;
        }
    }

    Position position() {
        Map<TopicPartition, OffsetAndMetadata> committed =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<TopicPartition, ListOffsetsResultInfo> end = get(admin.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                .all());
        long committedRecords = 0;
        long endRecords = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            committedRecords += offset == null ? 0 : offset.offset();
            endRecords += Objects.requireNonNull(end.get(partition)).offset();
        }
        return new Position(committedRecords, endRecords);
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
