package com.outboxwallet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compose's Kafka is a cluster of three that loses nothing acknowledged with one broker down: the three nodes
 * {@code start-broker.sh --print-config} describes form a quorum of controllers, {@code setup.sh}'s topics (and any
 * topic made on the brokers' defaults) have three replicas of which two must be in sync, and the relay's producer
 * ({@code acks=all}, idempotent) goes on writing when the quorum's leader, one of the three brokers, stops.
 */
class ComposeKafkaClusterIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void eachNodesPrintedConfigurationIsItsOwnPartOfTheSameQuorum() {
        for (int node : ComposeKafkaCluster.NODES) {
            Properties config = ComposeKafkaCluster.printedConfig(node);
            int external = ComposeKafkaCluster.EXTERNAL_PORTS.get(node);
            assertThat(config.getProperty("node.id")).isEqualTo(Integer.toString(node));
            assertThat(config.getProperty("process.roles")).isEqualTo("broker,controller");
            assertThat(config.getProperty("controller.quorum.voters"))
                    .isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
            assertThat(config.getProperty("listeners"))
                    .isEqualTo("INTERNAL://:29092,EXTERNAL://:" + external + ",CONTROLLER://:9093");
            assertThat(config.getProperty("advertised.listeners"))
                    .isEqualTo("INTERNAL://kafka-" + node + ":29092,EXTERNAL://localhost:" + external);
            assertThat(config.getProperty("listener.security.protocol.map"))
                    .isEqualTo("INTERNAL:SASL_PLAINTEXT,EXTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
            assertThat(config.getProperty("listener.name.controller.plain.sasl.jaas.config"))
                    .contains("username=\"controller\"")
                    .contains("password=\"" + ComposeKafkaCluster.password("controller") + "\"");
            assertThat(config.getProperty("super.users")).isEqualTo("User:admin;User:controller");
        }
    }

    @Test
    void theThreeNodesFormAQuorumAndKeepWritingWithOneOfThemDown(@TempDir Path data) throws Exception {
        try (ComposeKafkaCluster kafka = ComposeKafkaCluster.start(data);
                Admin admin = Admin.create(kafka.clientOf("admin"))) {
            QuorumInfo quorum = admin.describeMetadataQuorum().quorumInfo().get();
            assertThat(quorum.voters())
                    .extracting(QuorumInfo.ReplicaState::replicaId)
                    .containsExactlyInAnyOrder(1, 2, 3);
            assertThat(quorum.leaderId()).isIn(1, 2, 3);

            for (int node : ComposeKafkaCluster.NODES) {
                Config broker = admin.describeConfigs(
                                List.of(new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(node))))
                        .all()
                        .get()
                        .values()
                        .iterator()
                        .next();
                assertThat(broker.get("default.replication.factor").value()).isEqualTo("3");
                assertThat(broker.get("min.insync.replicas").value()).isEqualTo("2");
                assertThat(broker.get("unclean.leader.election.enable").value()).isEqualTo("false");
                assertThat(broker.get("offsets.topic.replication.factor").value())
                        .isEqualTo("3");
                assertThat(broker.get("transaction.state.log.replication.factor")
                                .value())
                        .isEqualTo("3");
                assertThat(broker.get("transaction.state.log.min.isr").value()).isEqualTo("2");
            }

            // setup.sh's topics, and one made on the brokers' defaults as a service that names no replicas would.
            admin.createTopics(List.of(new NewTopic("made-on-defaults", Optional.empty(), Optional.empty())))
                    .all()
                    .get();
            for (String topic : List.of("wallet.events", "wallet.events.dlt", "made-on-defaults")) {
                TopicDescription description = admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get()
                        .get(topic);
                assertThat(description.partitions()).as(topic).isNotEmpty();
                assertThat(description.partitions())
                        .as("%s: every partition on the three brokers", topic)
                        .allSatisfy(
                                partition -> assertThat(partition.replicas()).hasSize(3));
                assertThat(topicConfig(admin, topic).get("min.insync.replicas").value())
                        .as(topic)
                        .isEqualTo("2");
            }
            assertThat(admin.describeTopics(List.of("wallet.events"))
                            .allTopicNames()
                            .get()
                            .get("wallet.events")
                            .partitions())
                    .hasSize(6);

            Set<String> acknowledged = new HashSet<>();
            int stopped = quorum.leaderId();
            try (KafkaProducer<String, String> relay = relayProducer(kafka)) {
                for (int n = 0; n < 60; n++) {
                    send(relay, "before-" + n, acknowledged);
                }
                // The quorum's leader, and the leader of some of the topic's partitions, goes.
                kafka.stop(stopped);
                for (int n = 0; n < 60; n++) {
                    send(relay, "after-" + n, acknowledged);
                }
            }

            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(admin.describeMetadataQuorum()
                                    .quorumInfo()
                                    .get()
                                    .leaderId())
                            .as("the quorum's new leader")
                            .isNotEqualTo(stopped)
                            .isIn(1, 2, 3));
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(partitions(admin, "wallet.events"))
                            .allSatisfy(partition -> {
                                assertThat(partition.leader().id()).isNotEqualTo(stopped);
                                assertThat(partition.isr()).hasSize(2);
                            }));
            assertThat(readAll(kafka)).containsExactlyInAnyOrderElementsOf(acknowledged);
        }
    }

    /** The relay's producer settings (outbox-relay.yml): acks=all, idempotent; as the relay's login. */
    private static KafkaProducer<String, String> relayProducer(ComposeKafkaCluster kafka) {
        Map<String, Object> config = new HashMap<>(kafka.clientOf("relay"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Sent and acknowledged, each value to its own key's partition, all partitions in turn. */
    private static void send(KafkaProducer<String, String> producer, String value, Set<String> acknowledged)
            throws Exception {
        producer.send(new ProducerRecord<>("wallet.events", value, value)).get(20, TimeUnit.SECONDS);
        acknowledged.add(value);
    }

    private static Config topicConfig(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }

    private static List<TopicPartitionInfo> partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions();
    }

    /** Every record of wallet.events up to its end, read from the two brokers left, as admin. */
    private static List<String> readAll(ComposeKafkaCluster kafka) {
        Map<String, Object> config = new HashMap<>(kafka.clientOf("admin"));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("wallet.events").stream()
                    .map(partition -> new TopicPartition("wallet.events", partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(TIMEOUT).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
        }
        return values;
    }
}
