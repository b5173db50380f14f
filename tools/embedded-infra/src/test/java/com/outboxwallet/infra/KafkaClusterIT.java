package com.outboxwallet.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three brokers as the fault harness runs them (here in one JVM): every topic on three of them with two in sync, so
 * that the leader of a partition may go down without an acknowledged record going with it.
 */
class KafkaClusterIT {

    private static final String TOPIC = "replicated";

    @Test
    void recordsAcknowledgedByTheClusterOutliveTheirPartitionsLeader(@TempDir Path data) throws Exception {
        KafkaCluster cluster = KafkaCluster.onFreePorts(3, 0);
        Map<Integer, EmbeddedKafkaServer> nodes = new HashMap<>();
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (int node : cluster.nodeIds()) {
            // Each node waits for a quorum of controllers as it starts: all three start together.
            starting.add(CompletableFuture.runAsync(() -> {
                EmbeddedKafkaServer started =
                        EmbeddedKafkaServer.startNode(cluster, node, data.resolve("kafka-" + node));
                synchronized (nodes) {
                    nodes.put(node, started);
                }
            }));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
        try {
            EmbeddedKafkaServer.awaitReady(cluster.bootstrapServers(), 3, Duration.ofMinutes(2));
            int leader;
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, java.util.Optional.of(1), java.util.Optional.empty())))
                        .all()
                        .get(1, TimeUnit.MINUTES);
                TopicDescription topic = admin.describeTopics(List.of(TOPIC))
                        .allTopicNames()
                        .get()
                        .get(TOPIC);
                assertThat(topic.partitions().getFirst().replicas()).hasSize(3);
                leader = topic.partitions().getFirst().leader().id();
                Config broker = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.BROKER, "1")))
                        .all()
                        .get()
                        .values()
                        .iterator()
                        .next();
                assertThat(broker.get("min.insync.replicas").value()).isEqualTo("2");
                assertThat(broker.get("unclean.leader.election.enable").value()).isEqualTo("false");
            }

            try (KafkaProducer<String, String> producer = producer(cluster)) {
                for (int n = 0; n < 100; n++) {
                    producer.send(new ProducerRecord<>(TOPIC, "before-" + n)).get(30, TimeUnit.SECONDS);
                }
                nodes.remove(leader).close(); // the partition's leader gone: another in-sync replica leads
                for (int n = 0; n < 100; n++) {
                    producer.send(new ProducerRecord<>(TOPIC, "after-" + n)).get(2, TimeUnit.MINUTES);
                }
            }

            List<String> read = readAll(cluster, 200);
            assertThat(read).hasSize(200);
            assertThat(read.subList(0, 100)).allMatch(value -> value.startsWith("before-"));
            assertThat(read.subList(100, 200)).allMatch(value -> value.startsWith("after-"));
        } finally {
            // Together: a node left alone without a quorum of controllers waits minutes to shut down cleanly.
            CompletableFuture.allOf(nodes.values().stream()
                            .map(node -> CompletableFuture.runAsync(node::close))
                            .toArray(CompletableFuture[]::new))
                    .join();
        }
    }

    private static KafkaProducer<String, String> producer(KafkaCluster cluster) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        cluster.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new StringSerializer());
    }

    private static List<String> readAll(KafkaCluster cluster, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        cluster.bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    values.add(record.value());
                }
            }
        }
        assertThat(values).as("records up to the end offset").hasSizeLessThanOrEqualTo(expected);
        return values;
    }
}
