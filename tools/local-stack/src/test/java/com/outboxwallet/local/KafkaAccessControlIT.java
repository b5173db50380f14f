package com.outboxwallet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Only the relay writes the topic: the pipeline on compose's three Kafka brokers with their listeners, logins and ACLs
 * ({@link ComposeKafkaCluster}: {@code deploy/kafka}), each service logging in as compose's environment says. A top-up
 * over HTTP reaches the ledger (the relay wrote, the ledger read in its group); a poison record reaches the ledger's
 * dead-letter topic (the ledger wrote it); the read-only reader reads in a {@code reader-} group and is refused a
 * write and another group; the ledger is refused a write of the events topic; a client without a login, or with a
 * wrong password, is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaAccessControlIT {

    private static final String TOPIC = "wallet.events";

    private ComposeKafkaCluster kafka;
    private LocalPipeline pipeline;

    @BeforeAll
    void start() throws Exception {
        Path logs = Files.createTempDirectory("compose-kafka");
        kafka = ComposeKafkaCluster.start(logs);
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.shared();
        InfrastructureEndpoints endpoints = new InfrastructureEndpoints(
                infra.postgres().createDatabase("wallet_acl"),
                infra.postgres().createDatabase("ledger_acl"),
                "postgres",
                "",
                kafka.bootstrapServers(),
                infra.redis().url());
        pipeline = LocalPipeline.start(
                endpoints,
                LocalPipeline.Ports.random(),
                Map.of(
                        Service.RELAY, kafka.springSettingsOf("relay"),
                        Service.LEDGER, kafka.springSettingsOf("ledger")),
                context -> {});
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theRelayWritesTheTopicAndTheLedgerReadsItInItsGroup() throws Exception {
        String key = "acl-" + UUID.randomUUID();
        HttpResponse<String> accepted = PipelineHttp.send(PipelineHttp.post(
                URI.create("http://localhost:" + pipeline.apiPort() + "/api/v1/topups"),
                "alice",
                "alice-local-pass",
                key,
                "{\"amount\":\"12.00\"}"));
        assertThat(accepted.statusCode()).isEqualTo(201);
        String wallet = PipelineHttp.send(PipelineHttp.get(
                        URI.create("http://localhost:" + pipeline.apiPort() + "/api/v1/wallet"),
                        "alice",
                        "alice-local-pass"))
                .body()
                .replaceAll(".*\"walletId\":\"([^\"]+)\".*", "$1");

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(PipelineHttp.send(PipelineHttp.get(
                                        URI.create("http://localhost:" + pipeline.ledgerPort()
                                                + "/api/v1/ledger/wallets/" + wallet + "/audit-log"),
                                        PipelineHttp.ADMIN,
                                        PipelineHttp.ADMIN_PASSWORD))
                                .body())
                        .contains(key));
    }

    @Test
    void aPoisonRecordTheRelaysLoginWroteIsSetAsideOnTheDeadLetterTopicByTheLedger() throws Exception {
        RecordMetadata poison =
                send("relay", new ProducerRecord<>(TOPIC, UUID.randomUUID().toString(), text("{")));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(read("admin", TOPIC + ".dlt", null))
                        .anyMatch(deadLetter -> originalOffset(deadLetter) == poison.offset()
                                && deadLetter.partition() == poison.partition()));
    }

    @Test
    void theReaderReadsInAReaderGroupAndMayNotWriteNorUseAnotherGroup() throws Exception {
        RecordMetadata written = send("relay", new ProducerRecord<>(TOPIC, "reader-check", text("{}")));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(read("reader", TOPIC, "reader-team-" + UUID.randomUUID()))
                        .anyMatch(record ->
                                record.partition() == written.partition() && record.offset() == written.offset()));
        // Refused before its first record: it may not even start an idempotent producer (ClusterAuthorization).
        assertThatThrownBy(() -> send("reader", new ProducerRecord<>(TOPIC, "k", text("{}"))))
                .hasCauseInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> read("reader", TOPIC, "someone-elses-group"))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void theLedgerMayNotWriteTheEventsTopic() {
        assertThatThrownBy(() -> send("ledger", new ProducerRecord<>(TOPIC, "k", text("{}"))))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aClientWithoutALoginOrWithAWrongPasswordIsRefused() {
        Map<String, Object> anonymous = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                3000));
        // Its requests are refused during the SASL handshake, so it never even learns the topic exists.
        assertThatThrownBy(() -> send(anonymous, new ProducerRecord<>(TOPIC, "k", text("{}"))))
                .hasCauseInstanceOf(TimeoutException.class)
                .hasMessageContaining("not present in metadata");

        Map<String, Object> wrongPassword = new HashMap<>(kafka.clientOf("relay"));
        wrongPassword.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"relay\""
                        + " password=\"guessed\";");
        wrongPassword.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        assertThatThrownBy(() -> send(wrongPassword, new ProducerRecord<>(TOPIC, "k", text("{}"))))
                .hasCauseInstanceOf(SaslAuthenticationException.class);
    }

    private RecordMetadata send(String user, ProducerRecord<String, byte[]> record) throws Exception {
        Map<String, Object> client = new HashMap<>(kafka.clientOf(user));
        client.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return send(client, record);
    }

    private static RecordMetadata send(Map<String, Object> client, ProducerRecord<String, byte[]> record)
            throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(record).get();
        }
    }

    /** One poll's worth of the topic from the beginning, as that user, in that group (none: assigned, no group). */
    private List<ConsumerRecord<String, byte[]>> read(String user, String topic, String group) {
        Map<String, Object> config = new HashMap<>(kafka.clientOf(user));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            if (group != null) {
                consumer.subscribe(List.of(topic));
            } else {
                List<PartitionInfo> known = consumer.partitionsFor(topic);
                if (known == null || known.isEmpty()) {
                    // Not created yet (the ledger creates its dead-letter topic when it starts): nothing to read.
                    return List.of();
                }
                List<TopicPartition> partitions = known.stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
            }
            List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
            consumer.poll(Duration.ofSeconds(5)).forEach(read::add);
            return read;
        }
    }

    private static long originalOffset(ConsumerRecord<String, byte[]> deadLetter) {
        Header offset = deadLetter.headers().lastHeader("kafka_dlt-original-offset");
        return offset == null ? -1 : ByteBuffer.wrap(offset.value()).getLong();
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
