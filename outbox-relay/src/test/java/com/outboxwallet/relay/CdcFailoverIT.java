package com.outboxwallet.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.infra.EmbeddedPostgresServer;
import com.outboxwallet.infra.PostgresStandby;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The CDC relay through a PostgreSQL fail-over: its slot is a fail-over slot (PostgreSQL 17), so the synchronous
 * standby holds a copy when the primary dies, and once the standby is promoted the relay streams from that copy,
 * found through its multi-host URL, without a restart.
 */
class CdcFailoverIT {

    private static final String SLOT = "failover_it";

    @TempDir
    Path data;

    private EmbeddedPostgresServer primary;
    private EmbeddedPostgresServer standby;
    private ConfigurableApplicationContext relay;

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.close();
        }
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void theStreamGoesOnFromThePromotedStandbysCopyOfTheSlotAndLosesNothing() {
        primary = EmbeddedPostgresServer.start(0, data.resolve("primary"), true);
        Flyway.configure()
                .dataSource(primary.createDatabase("wallet"), EmbeddedPostgresServer.USER, "")
                .locations("classpath:db/migration/api")
                .load()
                .migrate();
        standby = PostgresStandby.start(primary, "standby", 0, data.resolve("standby"));
        String url = "jdbc:postgresql://localhost:" + primary.port() + ",localhost:" + standby.port()
                + "/wallet?targetServerType=primary";
        JdbcClient wallet = StandaloneRelay.jdbc(url);
        JdbcClient standbyAdmin = StandaloneRelay.jdbc(standby.jdbcUrl("postgres"));
        relay = StandaloneRelay.start(
                url,
                "--relay.mode=cdc",
                "--relay.cdc.slot-name=" + SLOT,
                "--relay.cdc.publication-name=" + SLOT,
                "--relay.cdc.heartbeat-interval=1s",
                "--relay.cdc.restart-backoff=1s");
        UUID walletId = UUID.randomUUID();
        List<UUID> eventIds = new ArrayList<>();
        for (long sequence = 1; sequence <= 5; sequence++) {
            eventIds.add(OutboxRows.anEventFor(wallet, walletId, sequence));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> StandaloneRelay.unpublished(wallet, eventIds) == 0);
        await().atMost(Duration.ofSeconds(60))
                .alias("the standby's copy of the slot")
                .until(() -> standbyAdmin
                                .sql("SELECT count(*) FROM pg_replication_slots"
                                        + " WHERE slot_name = :slot AND synced AND NOT temporary")
                                .param("slot", SLOT)
                                .query(Long.class)
                                .single()
                        == 1);

        ProcessHandle postmaster = primary.postmaster();
        postmaster.destroyForcibly(); // the primary dies; the standby, which had every commit, takes over
        postmaster.onExit().join();
        primary.close();
        primary = null;
        standby.promote();
        for (long sequence = 6; sequence <= 10; sequence++) {
            eventIds.add(OutboxRows.anEventFor(wallet, walletId, sequence));
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> StandaloneRelay.unpublished(wallet, eventIds) == 0);
        assertThat(wallet.sql("SELECT failover AND active FROM pg_replication_slots WHERE slot_name = :slot")
                        .param("slot", SLOT)
                        .query(Boolean.class)
                        .list())
                .as("the relay streams from the promoted standby's copy of its fail-over slot")
                .containsExactly(true);
        try (TopicReader topic = new TopicReader(StandaloneRelay.bootstrapServers(), "wallet.events")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.withEventIds(eventIds).size() >= eventIds.size());
            List<ConsumerRecord<String, byte[]>> records = topic.withEventIds(eventIds);
            Map<String, Long> copies = records.stream()
                    .collect(Collectors.groupingBy(r -> TopicReader.header(r, "ce_id"), Collectors.counting()));
            assertThat(copies).as("every event, before and after the fail-over").hasSize(eventIds.size());
            assertThat(WalletOrder.firstArrivals(records, walletId.toString()))
                    .hasSize(10)
                    .isSorted();
        }
    }
}
