package com.outboxwallet.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Hybrid mode: CDC carries the events; when its replication connection is cut the poller takes over, and when CDC
 * streams again it hands back. Across both switches nothing is lost and a wallet's events arrive in order.
 */
class HybridRelayIT extends SlotRelayTest {

    HybridRelayIT() {
        super("relay_hybrid", "hybrid_relay_it");
    }

    @Test
    void thePollerTakesOverWhileCdcIsCutOffAndHandsBackWithNothingLostOrReordered() {
        relay = startRelay("hybrid");
        MeterRegistry metrics = relay.getBean(MeterRegistry.class);
        UUID wallet = UUID.randomUUID();
        List<UUID> eventIds = new ArrayList<>();

        await().atMost(Duration.ofSeconds(60)).until(() -> pollerActive(metrics) == 0);
        eventIds.addAll(write(wallet, 1, 10));
        await().atMost(Duration.ofSeconds(30)).until(() -> StandaloneRelay.unpublished(jdbc, eventIds) == 0);

        // Cut CDC off: its walsender is terminated; Debezium reconnects only after its restart delay.
        jdbc.sql("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = :slot")
                .param("slot", slot)
                .query()
                .listOfRows();
        await().atMost(Duration.ofSeconds(30)).until(() -> pollerActive(metrics) == 1);
        eventIds.addAll(write(wallet, 11, 20));
        await().atMost(Duration.ofSeconds(30)).until(() -> StandaloneRelay.unpublished(jdbc, eventIds) == 0);

        await().atMost(Duration.ofSeconds(90)).until(() -> pollerActive(metrics) == 0);
        eventIds.addAll(write(wallet, 21, 30));
        await().atMost(Duration.ofSeconds(30)).until(() -> StandaloneRelay.unpublished(jdbc, eventIds) == 0);

        try (TopicReader topic =
                new TopicReader(EmbeddedInfrastructure.shared().kafka().bootstrapServers(), "wallet.events")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.withEventIds(eventIds).stream()
                                    .map(r -> TopicReader.header(r, "ce_id"))
                                    .distinct()
                                    .count()
                            == eventIds.size());
            List<ConsumerRecord<String, byte[]>> records = topic.poll();
            assertThat(WalletOrder.firstArrivals(records, wallet.toString()))
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, 30).boxed().toList());
        }
    }

    @Test
    void inAQuietRunEveryRowIsPublishedExactlyOnce() {
        relay = startRelay("hybrid");
        UUID wallet = UUID.randomUUID();
        List<UUID> eventIds = write(wallet, 1, 5);
        MeterRegistry metrics = relay.getBean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> pollerActive(metrics) == 0);
        eventIds.addAll(write(wallet, 6, 20));

        await().atMost(Duration.ofSeconds(30)).until(() -> StandaloneRelay.unpublished(jdbc, eventIds) == 0);
        try (TopicReader topic =
                new TopicReader(EmbeddedInfrastructure.shared().kafka().bootstrapServers(), "wallet.events")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.withEventIds(eventIds).size() >= eventIds.size());
            assertThat(topic.withEventIds(eventIds)).hasSize(eventIds.size());
            assertThat(WalletOrder.firstArrivals(topic.poll(), wallet.toString()))
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, 20).boxed().toList());
        }
    }

    private List<UUID> write(UUID wallet, long first, long last) {
        List<UUID> ids = new ArrayList<>();
        for (long sequence = first; sequence <= last; sequence++) {
            ids.add(OutboxRows.anEventFor(jdbc, wallet, sequence));
        }
        return ids;
    }

    private static double pollerActive(MeterRegistry metrics) {
        return metrics.get("relay.hybrid.poller.active").gauge().value();
    }
}
