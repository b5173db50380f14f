package com.outboxwallet.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.infra.EmbeddedKafkaServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Kafka goes away while top-ups keep coming; the relay backs off, and when Kafka is back every event arrives. */
class KafkaOutageIT {

    @TempDir
    Path kafkaLogs;

    @Test
    void eventsWrittenWhileKafkaIsDownArePublishedWhenItIsBack() throws Exception {
        int port = freePort();
        String url = StandaloneRelay.migratedDatabase("relay_outage");
        JdbcClient jdbc = StandaloneRelay.jdbc(url);
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(port, kafkaLogs);
        try (ConfigurableApplicationContext relay = OutboxRelayApplication.application()
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--relay.polling.max-backoff=1s")) {
            UUID wallet = UUID.randomUUID();
            List<UUID> before = List.of(OutboxRows.anEventFor(jdbc, wallet, 1));
            await().atMost(Duration.ofSeconds(30)).until(() -> StandaloneRelay.unpublished(jdbc, before) == 0);

            kafka.close();
            List<UUID> during = new ArrayList<>();
            for (long sequence = 2; sequence <= 30; sequence++) {
                during.add(OutboxRows.anEventFor(jdbc, wallet, sequence));
            }
            MeterRegistry metrics = relay.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> metrics.counter("relay.publish.failures").count() >= 2);
            assertThat(StandaloneRelay.unpublished(jdbc, during)).isEqualTo(during.size());
            // The backlog an operator sees: this database's rows written while Kafka was down, all still waiting.
            assertThat(metrics.get("relay.outbox.unpublished").gauge().value()).isEqualTo(during.size());

            kafka = EmbeddedKafkaServer.start(port, kafkaLogs);
            await().atMost(Duration.ofSeconds(60)).until(() -> StandaloneRelay.unpublished(jdbc, during) == 0);
            assertThat(metrics.get("relay.outbox.unpublished").gauge().value()).isZero();

            try (TopicReader topic = new TopicReader(kafka.bootstrapServers(), "wallet.events")) {
                List<UUID> all = new ArrayList<>(before);
                all.addAll(during);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> topic.withEventIds(all).stream()
                                        .map(r -> TopicReader.header(r, "ce_id"))
                                        .distinct()
                                        .count()
                                == all.size());
                assertThat(WalletOrder.firstArrivals(topic.poll(), wallet.toString()))
                        .hasSize(30)
                        .isSorted();
            }
        } finally {
            kafka.close();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
