package com.outboxwallet.relay;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay's own executable jar in a process of its own, killed with SIGKILL in the middle of the stream: no
 * shutdown hook, no rollback courtesy. A second process started afterwards must leave nothing unpublished, and the
 * topic must hold every event (duplicates of the batch in flight are allowed: delivery is at least once).
 */
class RelayCrashIT {

    private static final int EVENTS = 3000;

    private final List<Process> relays = new ArrayList<>();

    @AfterEach
    void killAll() {
        relays.forEach(Process::destroyForcibly);
    }

    @Test
    void aRelayKilledMidStreamLosesNothing() throws Exception {
        String url = StandaloneRelay.migratedDatabase("relay_crash");
        JdbcClient jdbc = StandaloneRelay.jdbc(url);
        List<UUID> wallets = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<UUID> eventIds = new ArrayList<>();
        for (long sequence = 1; sequence <= EVENTS / wallets.size(); sequence++) {
            for (UUID wallet : wallets) {
                eventIds.add(OutboxRows.anEventFor(jdbc, wallet, sequence));
            }
        }

        Process first = startRelay(url);
        await().atMost(Duration.ofSeconds(60)).until(() -> StandaloneRelay.unpublished(jdbc, eventIds) < EVENTS - 100);
        first.destroyForcibly().waitFor();
        long leftByTheCrash = StandaloneRelay.unpublished(jdbc, eventIds);
        assertThat(leftByTheCrash).as("the crash happened mid-stream").isPositive();

        startRelay(url);
        await().atMost(Duration.ofSeconds(90)).until(() -> StandaloneRelay.unpublished(jdbc, eventIds) == 0);

        try (TopicReader topic = new TopicReader(bootstrapServers(), "wallet.events")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> distinctEventIds(topic, eventIds) == EVENTS);
            for (UUID wallet : wallets) {
                List<Long> order = WalletOrder.firstArrivals(topic.poll(), wallet.toString());
                assertThat(order).hasSize(EVENTS / wallets.size()).isSorted();
            }
        }
    }

    private static long distinctEventIds(TopicReader topic, List<UUID> eventIds) {
        return topic.withEventIds(eventIds).stream().map(r -> TopicReader.header(r, "ce_id")).distinct().count();
    }

    private Process startRelay(String url) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", execJar().toString(),
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                // Small batches stretch the stream out, so the kill lands in the middle of it.
                "--relay.polling.batch-size=5",
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
