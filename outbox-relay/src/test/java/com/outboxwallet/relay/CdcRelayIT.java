package com.outboxwallet.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/** The relay in CDC mode: Debezium's embedded engine on a pgoutput slot of a database of its own. */
class CdcRelayIT extends SlotRelayTest {

    CdcRelayIT() {
        super("relay_cdc", "cdc_relay_it");
    }

    @Test
    void everyRowIsPublishedExactlyOnceInWalletOrderIncludingRowsFromBeforeTheSlotAndALateCommit() throws Exception {
        UUID wallet = UUID.randomUUID();
        List<UUID> eventIds = new ArrayList<>();
        eventIds.add(OutboxRows.anEventFor(jdbc, wallet, 1)); // before the relay, and its slot, exist

        relay = startRelay();
        awaitStreaming();
        for (long sequence = 2; sequence <= 20; sequence++) {
            eventIds.add(OutboxRows.anEventFor(jdbc, wallet, sequence));
        }
        UUID other = UUID.randomUUID();
        try (Connection slow = DriverManager.getConnection(url, "postgres", "")) {
            slow.setAutoCommit(false);
            UUID late = OutboxRows.anUncommittedEventFor(slow, other, 1);
            UUID early = OutboxRows.anEventFor(jdbc, UUID.randomUUID(), 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> StandaloneRelay.unpublished(jdbc, List.of(early)) == 0);
            slow.commit();
            eventIds.add(late);
            eventIds.add(early);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> StandaloneRelay.unpublished(jdbc, eventIds) == 0);
        try (TopicReader topic = new TopicReader(bootstrapServers(), "wallet.events")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.withEventIds(eventIds).size() >= eventIds.size());
            List<ConsumerRecord<String, byte[]>> records = topic.withEventIds(eventIds);
            assertThat(countById(records).values()).as("exactly once").containsOnly(1L);
            assertThat(WalletOrder.firstArrivals(records, wallet.toString()))
                    .hasSize(20)
                    .isSorted();
            ConsumerRecord<String, byte[]> first = records.getFirst();
            assertThat(TopicReader.header(first, "ce_type")).isEqualTo("com.outboxwallet.wallet.topup.accepted.v1");
            assertThat(TopicReader.header(first, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicReader.header(first, "ce_walletsequence")).isNotBlank();
        }
    }

    @Test
    void aRestartedRelayResumesFromItsOffsetsAndLosesNothingWrittenWhileItWasDown() {
        UUID wallet = UUID.randomUUID();
        List<UUID> eventIds = aStreamingRelayPublishedTheFirstEventOf(wallet);

        relay.close();
        for (long sequence = 2; sequence <= 10; sequence++) {
            eventIds.add(OutboxRows.anEventFor(jdbc, wallet, sequence));
        }
        relay = startRelay();

        await().atMost(Duration.ofSeconds(60)).until(() -> StandaloneRelay.unpublished(jdbc, eventIds) == 0);
        try (TopicReader topic = new TopicReader(bootstrapServers(), "wallet.events")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.withEventIds(eventIds).size() >= eventIds.size());
            assertThat(countById(topic.withEventIds(eventIds)).values()).containsOnly(1L);
            assertThat(WalletOrder.firstArrivals(topic.poll(), wallet.toString()))
                    .hasSize(10)
                    .isSorted();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM relay_cdc_offsets")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void aLostSlotIsMadeAnewAndNothingWrittenWhileItWasGoneIsLost() {
        UUID wallet = UUID.randomUUID();
        List<UUID> eventIds = aStreamingRelayPublishedTheFirstEventOf(wallet);
        relay.close();

        // As a fail-over before the standby had its copy leaves it: the slot gone, the recorded position kept.
        StandaloneRelay.dropSlot(jdbc, slot);
        for (long sequence = 2; sequence <= 10; sequence++) {
            eventIds.add(OutboxRows.anEventFor(jdbc, wallet, sequence));
        }
        relay = startRelay();
        awaitStreaming();
        eventIds.add(OutboxRows.anEventFor(jdbc, wallet, 11)); // through the new slot

        await().atMost(Duration.ofSeconds(60)).until(() -> StandaloneRelay.unpublished(jdbc, eventIds) == 0);
        try (TopicReader topic = new TopicReader(bootstrapServers(), "wallet.events")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.withEventIds(eventIds).size() >= eventIds.size());
            assertThat(WalletOrder.firstArrivals(topic.poll(), wallet.toString()))
                    .hasSize(11)
                    .isSorted();
        }
    }

    @Test
    void theSlotIsWatchedAndAnIdleOutboxDoesNotMakeItHoldWal() {
        relay = startRelay();
        awaitStreaming();
        MeterRegistry metrics = relay.getBean(MeterRegistry.class);

        // Other tables' writes, none in the publication: only the heartbeat can move the slot past them.
        jdbc.sql("CREATE TABLE IF NOT EXISTS unrelated (id BIGINT GENERATED ALWAYS AS IDENTITY, filler TEXT)")
                .update();
        jdbc.sql("INSERT INTO unrelated (filler) SELECT repeat('x', 1000) FROM generate_series(1, 5000)")
                .update();
        long lagAfterWrites = (long) metrics.get("relay.cdc.slot.lag").gauge().value();
        assertThat(lagAfterWrites).isPositive();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> metrics.get("relay.cdc.slot.lag").gauge().value() < lagAfterWrites);
        Health slot = relay.getBean("cdcSlot", HealthIndicator.class).health();
        assertThat(slot.getStatus()).isEqualTo(Status.UP);
        assertThat(slot.getDetails()).containsEntry("active", true);
    }

    /** Starts the relay, streaming, and the wallet's first event through it; returns that event's id, in a list. */
    private List<UUID> aStreamingRelayPublishedTheFirstEventOf(UUID wallet) {
        relay = startRelay();
        awaitStreaming();
        List<UUID> eventIds = new ArrayList<>(List.of(OutboxRows.anEventFor(jdbc, wallet, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> StandaloneRelay.unpublished(jdbc, eventIds) == 0);
        return eventIds;
    }

    private ConfigurableApplicationContext startRelay() {
        return startRelay("cdc", "--relay.cdc.heartbeat-interval=1s");
    }

    private void awaitStreaming() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT count(*) FROM pg_replication_slots WHERE slot_name = :slot AND active")
                                .param("slot", slot)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private static Map<String, Long> countById(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .collect(Collectors.groupingBy(r -> TopicReader.header(r, "ce_id"), Collectors.counting()));
    }

    private static String bootstrapServers() {
        return EmbeddedInfrastructure.shared().kafka().bootstrapServers();
    }
}
