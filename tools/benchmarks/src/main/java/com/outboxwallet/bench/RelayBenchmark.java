package com.outboxwallet.bench;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import com.outboxwallet.relay.OutboxRelayApplication;
import com.outboxwallet.relay.leadership.RelayLeadership;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The relay in each mode, side by side with the rate PostgreSQL takes outbox inserts on the same machine in the same
 * run. Writers insert outbox rows as fast as they can (one wallet per writer, sequences in order, each row its own
 * transaction, as a top-up is); a stock Kafka consumer measures when each event arrives. Throughput is events per
 * second from the first insert to the last arrival; latency is from the row's commit to the consumer's receipt.
 */
final class RelayBenchmark {

    private static final String TOPIC = "wallet.events";
    private static final int PACED_RATE = 200;

    private final EmbeddedInfrastructure infra;
    private final BenchmarkSettings settings;

    RelayBenchmark(EmbeddedInfrastructure infra, BenchmarkSettings settings) {
        this.infra = infra;
        this.settings = settings;
    }

    List<String> run() throws Exception {
        String url = infra.postgres().createDatabase("bench_relay");
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations("classpath:db/migration/api")
                .load()
                .migrate();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setPassword("");
        pool.setMaximumPoolSize(settings.threads());
        try (pool) {
            return run(url, JdbcClient.create(pool));
        }
    }

    private List<String> run(String url, JdbcClient jdbc) throws Exception {
        List<String> rows = new ArrayList<>(
                List.of("| what | events/s | commit→consumer p50 ms | p95 ms | p99 ms |", "|---|---:|---:|---:|---:|"));

        long start = System.nanoTime();
        insertRows(jdbc);
        rows.add("| PostgreSQL: outbox inserts, no relay running | %.0f | | | |"
                .formatted(settings.topUps() / ((System.nanoTime() - start) / 1e9)));
        jdbc.sql("UPDATE outbox SET published_at = now() WHERE published_at IS NULL")
                .update();

        for (String mode : List.of("polling", "cdc")) {
            rows.addAll(measure(url, jdbc, mode));
        }
        return rows;
    }

    private List<String> measure(String url, JdbcClient jdbc, String mode) throws Exception {
        try (ConfigurableApplicationContext relay = OutboxRelayApplication.application()
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=" + url,
                                "--spring.datasource.username=postgres",
                                "--spring.datasource.password=",
                                "--spring.kafka.bootstrap-servers="
                                        + infra.kafka().bootstrapServers(),
                                "--relay.mode=" + mode,
                                "--relay.cdc.slot-name=bench_relay",
                                "--relay.cdc.publication-name=bench_relay",
                                "--spring.main.banner-mode=off",
                                "--logging.level.root=WARN");
                Arrivals arrivals = new Arrivals(consumerAtTheEnd())) {
            awaitReady(relay, jdbc, mode);
            Thread.ofPlatform().name("bench-consumer").start(arrivals);
            long start = System.nanoTime();
            Set<String> expected = insertRows(jdbc);
            Latencies latencies = arrivals.awaitAll(expected);
            double perSecond = expected.size() / ((arrivals.lastArrivalNanos() - start) / 1e9);
            Set<String> paced = insertPaced(jdbc);
            return List.of(
                    "| relay, %s mode, writers flat out | %.0f | %s |"
                            .formatted(mode, perSecond, latencies.percentiles()),
                    "| relay, %s mode, %d top-ups/s offered | %d | %s |"
                            .formatted(
                                    mode,
                                    PACED_RATE,
                                    PACED_RATE,
                                    arrivals.awaitAll(paced).percentiles()));
        }
    }

    /** One writer at a steady {@link #PACED_RATE}: the latency of a relay that keeps up. */
    private Set<String> insertPaced(JdbcClient jdbc) {
        Set<String> eventIds = new HashSet<>();
        UUID wallet = UUID.randomUUID();
        long interval = 1_000_000_000L / PACED_RATE;
        long start = System.nanoTime();
        for (int i = 0; i < PACED_RATE * 10; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // pacing the offered load: this is a benchmark, not a test
            }
            eventIds.add(insert(jdbc, wallet, i + 1).toString());
        }
        return eventIds;
    }

    /** Rows of {@code threads} wallets, each row committed on its own, as a top-up is. */
    private Set<String> insertRows(JdbcClient jdbc) throws Exception {
        Set<String> eventIds = ConcurrentHashMap.newKeySet();
        int writers = settings.threads();
        UUID[] wallets = new UUID[writers];
        for (int i = 0; i < writers; i++) {
            wallets[i] = UUID.randomUUID();
        }
        Workload.run(writers, settings.topUps(), i -> {
            int writer = i % writers;
            eventIds.add(insert(jdbc, wallets[writer], i / writers + 1).toString());
        });
        return eventIds;
    }

    private static UUID insert(JdbcClient jdbc, UUID wallet, long sequence) {
        UUID eventId = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO outbox (event_id, aggregate_type, aggregate_id, event_type, payload,
                                            idempotency_key, sequence, occurred_at)
                        VALUES (:id, 'wallet', :wallet, 'com.outboxwallet.wallet.topup.accepted.v1',
                                CAST(:payload AS jsonb), :key, :sequence, clock_timestamp())""")
                .param("id", eventId)
                .param("wallet", wallet)
                .param("payload", "{\"walletId\":\"" + wallet + "\",\"sequence\":" + sequence + "}")
                .param("key", "bench-" + eventId)
                .param("sequence", sequence)
                .update();
        return eventId;
    }

    private void awaitReady(ConfigurableApplicationContext relay, JdbcClient jdbc, String mode) {
        RelayLeadership leadership = relay.getBean(RelayLeadership.class);
        Await.until(
                "the relay to become ready in " + mode + " mode",
                Duration.ofSeconds(60),
                Duration.ofMillis(1),
                () -> leadership.isLeader() && (!"cdc".equals(mode) || slotStreaming(jdbc)));
    }

    private static boolean slotStreaming(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'bench_relay' AND active")
                        .query(Long.class)
                        .single()
                == 1;
    }

    private KafkaConsumer<String, byte[]> consumerAtTheEnd() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infra.kafka().bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "bench-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                        10),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything is published
        return consumer;
    }

    /** Receives records while the writers write, noting when each event arrived. */
    private static final class Arrivals implements Runnable, AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, Long> latencyNanos = new ConcurrentHashMap<>();
        private volatile long lastArrivalNanos;
        private volatile boolean running = true;

        Arrivals(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void run() {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    Instant committed = Instant.parse(header(record, "ce_time"));
                    latencyNanos.putIfAbsent(
                            header(record, "ce_id"),
                            Duration.between(committed, Instant.now()).toNanos());
                    lastArrivalNanos = System.nanoTime();
                }
            }
            consumer.close();
        }

        Latencies awaitAll(Set<String> expected) {
            Await.until(
                    "every event to arrive",
                    Duration.ofMinutes(5),
                    Duration.ofMillis(1),
                    () -> latencyNanos.keySet().containsAll(expected));
            Latencies latencies = new Latencies();
            expected.forEach(id -> latencies.recordNanos(Objects.requireNonNull(latencyNanos.get(id))));
            return latencies;
        }

        long lastArrivalNanos() {
            return lastArrivalNanos;
        }

        @Override
        public void close() {
            running = false;
        }
    }

    private static @Nullable String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
