package com.outboxwallet.ledger;

import static org.awaitility.Awaitility.await;

import com.outboxwallet.events.CloudEventHeaders;
import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.events.WalletEventCodec;
import com.outboxwallet.infra.EmbeddedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every ledger-service test with a running service uses: the JVM's shared real PostgreSQL and Kafka, publishing
 * as the relay does, and reading what the ledger made of it. Subclasses say which context (database, topic) they run
 * in; most share {@link LedgerIntegrationTest}'s.
 */
abstract class LedgerTestSupport {

    static final String OPERATOR = "operator";
    static final String OPERATOR_PASSWORD = "operator-test-password";
    static final String METRICS = "prometheus";
    static final String METRICS_PASSWORD = "metrics-test-password";
    static final String NO_RELAY = "http://127.0.0.1:1/actuator/prometheus";
    /** The ce_source the relay writes, which the ledger trusts by default. */
    static final String RELAY_SOURCE = "/outbox-wallet/api-service";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    private final WalletEventCodec codec = new WalletEventCodec();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(),
            new ByteArraySerializer());

    /** The settings of a ledger-service on its own database of the shared PostgreSQL, and the shared Kafka. */
    static void infrastructure(DynamicPropertyRegistry registry, String database) {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.shared();
        registry.add("spring.datasource.url", () -> infra.postgres().createDatabase(database));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.kafka.bootstrap-servers", () -> infra.kafka().bootstrapServers());
        registry.add("ledger.operator.username", () -> OPERATOR);
        registry.add("ledger.operator.password", () -> OPERATOR_PASSWORD);
        registry.add("ledger.operator.metrics-password", () -> METRICS_PASSWORD);
        // No relay runs in these tests, and whatever may listen on the relay's default port here is none of theirs:
        // nothing listens on port 1 (listening there takes privileges no test uses), so the console's scrape is
        // refused at once.
        registry.add("ledger.console.relay-metrics-url", () -> NO_RELAY);
    }

    /**
     * Runs an operator command as {@code java -jar ledger-service-exec.jar ...} would, against the test's servers and
     * that database; {@code args} may set more, e.g. {@code --ledger.topic=...}.
     */
    static int runCommandOn(String database, String... args) {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.shared();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--spring.datasource.url=" + infra.postgres().jdbcUrl(database),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + infra.kafka().bootstrapServers()));
        return LedgerServiceApplication.runCommand(all.toArray(String[]::new));
    }

    /** The topic this test's ledger consumes; records are published there. */
    String topic() {
        return "wallet.events";
    }

    /** An admin client of the shared broker. */
    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /**
     * Makes a test's own topic before its context starts (a consumer subscribed to a topic that does not exist yet
     * only finds it at its next metadata refresh); one that exists already is left as it is.
     */
    static void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    static String bootstrapServers() {
        return EmbeddedInfrastructure.shared().kafka().bootstrapServers();
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    static TopUpAccepted aTopUpOf(String amount, UUID walletId, long sequence) {
        return new TopUpAccepted(
                UUID.randomUUID(),
                walletId,
                UUID.randomUUID(),
                new BigDecimal(amount),
                "IDR",
                // As if every earlier top-up was the same amount; sequences far ahead stop at what the contract holds.
                new BigDecimal(amount).multiply(BigDecimal.valueOf(Math.min(sequence, 1_000_000))),
                sequence,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** Publishes the event as the relay would: CloudEvents headers, wallet id as key. */
    void publish(UUID eventId, TopUpAccepted event) {
        send(asRecord(topic(), eventId, event));
    }

    /** A record with the relay's headers around any value: poison for the ledger unless it is a top-up. */
    void publish(UUID eventId, String type, String key, byte[] value) {
        send(withHeaders(new ProducerRecord<>(topic(), key, value), eventId, type));
    }

    ProducerRecord<String, byte[]> asRecord(String topic, UUID eventId, TopUpAccepted event) {
        ProducerRecord<String, byte[]> record = withHeaders(
                new ProducerRecord<>(
                        topic, event.walletId().toString(), codec.toJson(event).getBytes(StandardCharsets.UTF_8)),
                eventId,
                TopUpAccepted.TYPE);
        record.headers().remove(CloudEventHeaders.WALLET_SEQUENCE);
        record.headers()
                .add(
                        CloudEventHeaders.WALLET_SEQUENCE,
                        Long.toString(event.sequence()).getBytes(StandardCharsets.UTF_8));
        // The request's key belongs to the top-up: a copy under another event id carries the same one.
        record.headers().remove(CloudEventHeaders.IDEMPOTENCY_KEY);
        record.headers()
                .add(CloudEventHeaders.IDEMPOTENCY_KEY, ("key-" + event.topUpId()).getBytes(StandardCharsets.UTF_8));
        record.headers().remove(CloudEventHeaders.TIME);
        record.headers()
                .add(CloudEventHeaders.TIME, event.occurredAt().toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The CloudEvents headers the relay writes on every record: the time is now, the wallet's sequence 1. */
    static ProducerRecord<String, byte[]> withHeaders(
            ProducerRecord<String, byte[]> record, UUID eventId, String type) {
        record.headers().add(CloudEventHeaders.ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SOURCE, RELAY_SOURCE.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.WALLET_SEQUENCE, "1".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.IDEMPOTENCY_KEY, ("key-" + eventId).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The record as a consumer would receive it at the given position, without going through the broker. */
    static ConsumerRecord<String, byte[]> delivered(ProducerRecord<String, byte[]> record, int partition, long offset) {
        return new ConsumerRecord<>(
                record.topic(),
                partition,
                offset,
                System.currentTimeMillis(),
                TimestampType.CREATE_TIME,
                -1,
                record.value() == null ? -1 : record.value().length,
                record.key(),
                record.value(),
                record.headers(),
                Optional.empty());
    }

    RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    long eventDelaysTimed() {
        return meters.get("ledger.event.delay").timer().count();
    }

    /** Records set aside on the dead-letter topic, whatever the reason. */
    double deadLettersCounted() {
        return meters.find("ledger.dead.letters").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum();
    }

    double eventsCounted(String outcome) {
        return meters.get("ledger.events").tag("outcome", outcome).counter().count();
    }

    BigDecimal balanceOf(UUID wallet) {
        return jdbc.sql("SELECT balance FROM wallet_balances WHERE wallet_id = :w")
                .param("w", wallet)
                .query(BigDecimal.class)
                .single();
    }

    HttpResponse<String> get(String path, String user, String password) throws Exception {
        return send(request(path, user, password).GET().build());
    }

    /** A request to this ledger-service, with HTTP Basic credentials unless {@code user} is null. */
    HttpRequest.Builder request(String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The dead letter of the record published at that position, once the ledger has set it aside. */
    ConsumerRecord<String, byte[]> deadLetterOf(RecordMetadata original) {
        try (KafkaConsumer<String, byte[]> deadLetters = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "dlt-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            deadLetters.subscribe(List.of(topic() + ".dlt"));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                deadLetters.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> from(r, original));
            });
            return seen.stream().filter(r -> from(r, original)).findFirst().orElseThrow();
        }
    }

    private static boolean from(ConsumerRecord<String, byte[]> deadLetter, RecordMetadata original) {
        Header partition = deadLetter.headers().lastHeader("kafka_dlt-original-partition");
        Header offset = deadLetter.headers().lastHeader("kafka_dlt-original-offset");
        return partition != null
                && offset != null
                && ByteBuffer.wrap(partition.value()).getInt() == original.partition()
                && ByteBuffer.wrap(offset.value()).getLong() == original.offset();
    }

    /** A header's value as text, null when the record has none. */
    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    long auditRowsOf(UUID topUpId) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE top_up_id = :id")
                .param("id", topUpId)
                .query(Long.class)
                .single();
    }
}
