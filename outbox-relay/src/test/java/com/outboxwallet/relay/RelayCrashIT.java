package com.outboxwallet.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The relay's own executable jar in a process of its own, in each mode, killed with SIGKILL in the middle of the stream: no
 * shutdown hook, no rollback courtesy. A second process started afterwards must leave nothing unpublished, and the
 * topic must hold every event (duplicates of the batch in flight are allowed: delivery is at least once).
 */
class RelayCrashIT {

    private static final int EVENTS = 3000;

    /** 200 events a second: 15 s of stream. */
    private static final Duration WRITE_EVERY = Duration.ofMillis(5);

    private final List<Process> relays = new ArrayList<>();
    private @Nullable HikariDataSource pool;

    @AfterEach
    void killAll() {
        relays.forEach(Process::destroyForcibly);
        if (pool != null) {
            pool.close();
        }
    }

    @ParameterizedTest(name = "relay.mode={0}")
    @ValueSource(strings = {"polling", "cdc"})
    void aRelayKilledMidStreamLosesNothing(String mode) throws Exception {
        String url = StandaloneRelay.migratedDatabase("relay_crash_" + mode);
        // Pooled: the writer's 3,000 inserts and the waits' queries are not a new connection each.
        pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setPassword("");
        pool.setMaximumPoolSize(3);
        JdbcClient jdbc = JdbcClient.create(pool);
        List<UUID> wallets = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        Process first = startRelay(url, mode);
        awaitReady(jdbc, mode);
        List<UUID> eventIds = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            long started = System.nanoTime();
            for (long sequence = 1; sequence <= EVENTS / wallets.size(); sequence++) {
                for (UUID wallet : wallets) {
                    // A steady stream, as the api writes one: the kill lands in the middle of it however fast the
                    // relay keeps up.
                    LockSupport.parkNanos(started + eventIds.size() * WRITE_EVERY.toNanos() - System.nanoTime());
                    eventIds.add(OutboxRows.anEventFor(jdbc, wallet, sequence));
                }
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> published(jdbc, eventIds) > 100);
        first.destroyForcibly().waitFor();
        writing.get(120, TimeUnit.SECONDS);
        assertThat(StandaloneRelay.unpublished(jdbc, eventIds))
                .as("the crash happened mid-stream")
                .isPositive();

        startRelay(url, mode);
        await().atMost(Duration.ofSeconds(120)).until(() -> StandaloneRelay.unpublished(jdbc, eventIds) == 0);

        try (TopicReader topic = new TopicReader(bootstrapServers(), "wallet.events")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> distinctEventIds(topic, eventIds) == EVENTS);
            for (UUID wallet : wallets) {
                List<Long> order = WalletOrder.firstArrivals(topic.poll(), wallet.toString());
                assertThat(order).hasSize(EVENTS / wallets.size()).isSorted();
            }
        } finally {
            relays.forEach(relay -> relay.destroyForcibly());
            if ("cdc".equals(mode)) {
                StandaloneRelay.dropSlotAndOffsets(jdbc, "relay_crash");
            }
        }
    }

    private static void awaitReady(JdbcClient jdbc, String mode) {
        if ("cdc".equals(mode)) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.sql(
                                            "SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'relay_crash' AND active")
                                    .query(Long.class)
                                    .single()
                            == 1);
        }
    }

    private static long published(JdbcClient jdbc, List<UUID> eventIds) {
        List<UUID> written = List.copyOf(eventIds);
        return written.isEmpty() ? 0 : written.size() - StandaloneRelay.unpublished(jdbc, written);
    }

    private static long distinctEventIds(TopicReader topic, List<UUID> eventIds) {
        return topic.withEventIds(eventIds).stream()
                .map(r -> TopicReader.header(r, "ce_id"))
                .distinct()
                .count();
    }

    private Process startRelay(String url, String mode) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-jar",
                        execJar().toString(),
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                        // Small batches stretch the stream out, so the kill lands in the middle of it.
                        "--relay.polling.batch-size=5",
                        "--relay.mode=" + mode,
                        "--relay.cdc.slot-name=relay_crash",
                        "--relay.cdc.publication-name=relay_crash",
                        "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(new File("target/relay-crash-" + relays.size() + ".log"));
        Process process = builder.start();
        relays.add(process);
        return process;
    }

    private static Path execJar() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(path -> path.getFileName().toString().matches("outbox-relay-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("run after `package`: no outbox-relay exec jar"));
        }
    }

    private static String bootstrapServers() {
        return EmbeddedInfrastructure.shared().kafka().bootstrapServers();
    }
}
