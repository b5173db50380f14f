package com.outboxwallet.ledger;

import com.outboxwallet.events.CloudEventHeaders;
import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.events.WalletEventCodec;
import com.outboxwallet.infra.EmbeddedInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/** The ledger-service against the JVM's shared real PostgreSQL and Kafka; tests publish like the relay does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + LedgerServiceApplication.CONFIG_NAME)
abstract class LedgerIntegrationTest {

    static final String OPERATOR = "operator";
    static final String OPERATOR_PASSWORD = "operator-test-password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final WalletEventCodec codec = new WalletEventCodec();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new ByteArraySerializer());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.shared();
        registry.add("spring.datasource.url", () -> infra.postgres().createDatabase("ledger_test"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.kafka.bootstrap-servers", () -> infra.kafka().bootstrapServers());
        registry.add("ledger.operator.username", () -> OPERATOR);
        registry.add("ledger.operator.password", () -> OPERATOR_PASSWORD);
    }

    static String bootstrapServers() {
        return EmbeddedInfrastructure.shared().kafka().bootstrapServers();
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    static TopUpAccepted aTopUpOf(String amount, UUID walletId, long sequence) {
        return new TopUpAccepted(UUID.randomUUID(), walletId, UUID.randomUUID(), new BigDecimal(amount), "IDR",
                new BigDecimal(amount).multiply(BigDecimal.valueOf(sequence)), sequence,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** Publishes the event as the relay would: CloudEvents headers, wallet id as key. */
    void publish(UUID eventId, TopUpAccepted event) {
        publish(eventId, TopUpAccepted.TYPE, event.walletId().toString(),
                codec.toJson(event).getBytes(StandardCharsets.UTF_8));
    }

    void publish(UUID eventId, String type, String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("wallet.events", key, value);
        record.headers().add(CloudEventHeaders.ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.IDEMPOTENCY_KEY, ("key-" + eventId).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    long auditRowsOf(UUID topUpId) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE top_up_id = :id").param("id", topUpId)
                .query(Long.class).single();
    }
}
