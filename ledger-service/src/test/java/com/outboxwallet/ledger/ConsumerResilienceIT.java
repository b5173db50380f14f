package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.infra.EmbeddedInfrastructure;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumer against faults of its surroundings, on a topic, consumer group and database of its own (the database is
 * made to refuse connections, which no other test should feel). The pool waits at most 250 ms for a connection and the
 * back-off is capped at 250 ms, so many retry rounds pass in seconds.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + LedgerServiceApplication.CONFIG_NAME,
            "ledger.topic=" + ConsumerResilienceIT.TOPIC,
            "ledger.dead-letter-topic=" + ConsumerResilienceIT.TOPIC + ".dlt",
            "spring.kafka.consumer.group-id=ledger-resilience-test",
            "spring.datasource.hikari.connection-timeout=250",
            "ledger.retry.initial-interval=50ms",
            "ledger.retry.max-interval=250ms"
        })
class ConsumerResilienceIT extends LedgerTestSupport {

    static final String TOPIC = "wallet.events.resilience";
    private static final String DATABASE = "ledger_resilience_test";
    /**
     * Failed attempts (over all three consumers) the outage lasts. The old consumer dead-lettered a record after about
     * ten failed rounds; twenty each proves the rule changed.
     */
    private static final int FAILED_ATTEMPTS = 60;

    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure(registry, DATABASE);
    }

    @BeforeAll
    static void itsOwnTopics() throws Exception {
        createTopic(TOPIC, 3);
        createTopic(TOPIC + ".dlt", 3);
    }

    @Override
    String topic() {
        return TOPIC;
    }

    @Test
    void aLedgerDatabaseOutageOfManyRetryRoundsIsWaitedOutAndEveryTopUpIsAppliedOnceWithNothingDeadLettered()
            throws Exception {
        double deadLettersBefore = deadLettersCounted();
        try (TopUpStream topUps = new TopUpStream(20)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> auditRows(topUps.sent()) >= 20);

            double retriesBefore = meters.get("ledger.apply.retries").counter().count();
            int sentBeforeOutage = topUps.sent().size();
            refuseConnections(true);
            try {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> get("/actuator/health", null, null).statusCode() == 503);
                JsonNode health = json.readTree(
                        get("/actuator/health", OPERATOR, OPERATOR_PASSWORD).body());
                assertThat(health.at("/components/db/status").asString()).isEqualTo("DOWN");
                assertThat(health.at("/components/walletEvents/status").asString())
                        .isEqualTo("DOWN");
                assertThat(health.at("/components/walletEvents/details/lastFailure")
                                .asString())
                        .isNotBlank();
                HttpResponse<String> liveness = get("/actuator/health/liveness", null, null);
                assertThat(liveness.statusCode())
                        .as("a restart would not bring the database back")
                        .isEqualTo(200);

                await().atMost(Duration.ofSeconds(60))
                        .until(() ->
                                meters.get("ledger.apply.retries").counter().count() - retriesBefore
                                        >= FAILED_ATTEMPTS);
                assertThat(meters.get("ledger.apply.stalled.seconds").gauge().value())
                        .isPositive();
                assertThat(get("/actuator/health/liveness", null, null).statusCode())
                        .isEqualTo(200);
            } finally {
                refuseConnections(false);
            }
            assertThat(topUps.sent().size())
                    .as("top-ups kept coming during the outage")
                    .isGreaterThan(sentBeforeOutage + 20);
            topUps.stop();

            List<TopUpAccepted> sent = topUps.sent();
            // The pool reconnects on its own schedule once the database is back; until then reads may fail.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> auditRows(sent) == sent.size());
            assertThat(jdbc.sql("SELECT count(DISTINCT top_up_id) FROM audit_log")
                            .query(Long.class)
                            .single())
                    .isEqualTo(jdbc.sql("SELECT count(*) FROM audit_log")
                            .query(Long.class)
                            .single());
            Map<UUID, BigDecimal> expected = sent.stream()
                    .collect(Collectors.groupingBy(
                            TopUpAccepted::walletId,
                            Collectors.reducing(BigDecimal.ZERO, TopUpAccepted::amount, BigDecimal::add)));
            expected.forEach((wallet, sum) ->
                    assertThat(balanceOf(wallet)).as("wallet %s", wallet).isEqualByComparingTo(sum));
        }
        assertThat(deadLettersCounted()).isEqualTo(deadLettersBefore);
        assertThat(recordsOn(TOPIC + ".dlt")).as("the dead-letter topic").isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode health = json.readTree(
                    get("/actuator/health", OPERATOR, OPERATOR_PASSWORD).body());
            assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/walletEvents/status").asString()).isEqualTo("UP");
        });
        assertThat(meters.get("ledger.apply.stalled.seconds").gauge().value()).isZero();
    }

    @Test
    void aSequenceFarAheadIsAppliedAsOneGapAndTheConsumerKeepsConsuming() {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted farAhead = aTopUpOf("2.00", wallet, 1_000_000_000_000_001L);
        TopUpAccepted next = aTopUpOf("3.00", UUID.randomUUID(), 1);

        publish(UUID.randomUUID(), aTopUpOf("1.00", wallet, 1));
        publish(UUID.randomUUID(), farAhead);
        publish(UUID.randomUUID(), next);

        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(next.topUpId()) == 1);
        assertThat(auditRowsOf(farAhead.topUpId())).isOne();
        assertThat(jdbc.sql("SELECT first_sequence || '..' || last_sequence FROM sequence_gaps WHERE wallet_id = :w")
                        .param("w", wallet)
                        .query(String.class)
                        .list())
                .containsExactly("2..1000000000000000");
        assertThat(balanceOf(wallet)).isEqualByComparingTo("3.00");
    }

    /** Top-ups for a few wallets, each wallet's in sequence, published every few milliseconds until stopped. */
    private final class TopUpStream implements AutoCloseable {

        private final ConcurrentLinkedQueue<TopUpAccepted> sent = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        TopUpStream(int wallets) {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < wallets; i++) {
                ids.add(UUID.randomUUID());
            }
            thread = Thread.ofPlatform().name("top-up-stream").start(() -> {
                Map<UUID, Long> sequences = new HashMap<>();
                for (long n = 0; running.get(); n++) {
                    UUID wallet = ids.get((int) (n % wallets));
                    long sequence = sequences.merge(wallet, 1L, Long::sum);
                    TopUpAccepted topUp = aTopUpOf((n % 7 + 1) + ".25", wallet, sequence);
                    publish(UUID.randomUUID(), topUp);
                    sent.add(topUp);
                    // Pacing the stream, not synchronising: a steady trickle like top-ups during an outage.
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        List<TopUpAccepted> sent() {
            return List.copyOf(sent);
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }

    private long auditRows(List<TopUpAccepted> topUps) {
        Set<UUID> ids = topUps.stream().map(TopUpAccepted::topUpId).collect(Collectors.toSet());
        return jdbc.sql("SELECT top_up_id FROM audit_log").query(UUID.class).list().stream()
                .filter(ids::contains)
                .count();
    }

    /** Makes the ledger's database refuse every new connection and ends the open ones, or lets it accept them again. */
    private static void refuseConnections(boolean refuse) throws SQLException {
        try (Connection admin = DriverManager.getConnection(
                        EmbeddedInfrastructure.shared().postgres().jdbcUrl("postgres"), "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + DATABASE + " WITH ALLOW_CONNECTIONS " + !refuse);
            if (refuse) {
                statement.execute(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");
            }
        }
    }

    private static long recordsOn(String topic) throws Exception {
        try (Admin admin = admin()) {
            var partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> {
                earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
            });
            long start = admin.listOffsets(earliest).all().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
            long end = admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
            return end - start;
        }
    }
}
