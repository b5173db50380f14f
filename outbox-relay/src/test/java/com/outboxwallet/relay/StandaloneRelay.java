package com.outboxwallet.relay;

import static org.awaitility.Awaitility.await;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A database of its own with the api-service's outbox schema, for tests that run relays of their own. */
final class StandaloneRelay {

    private StandaloneRelay() {}

    static String migratedDatabase(String name) {
        String url = EmbeddedInfrastructure.shared().postgres().createDatabase(name);
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations("classpath:db/migration/api")
                .load()
                .migrate();
        return url;
    }

    static JdbcClient jdbc(String url) {
        return JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
    }

    /** A relay of its own on the given database and the shared Kafka, with extra settings on top. */
    static ConfigurableApplicationContext start(String url, String... settings) {
        return startAs("postgres", url, settings);
    }

    /** The same, connected as the given database role. */
    static ConfigurableApplicationContext startAs(String role, String url, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + role,
                "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers="
                        + EmbeddedInfrastructure.shared().kafka().bootstrapServers()));
        args.addAll(List.of(settings));
        return OutboxRelayApplication.application().run(args.toArray(String[]::new));
    }

    static String bootstrapServers() {
        return EmbeddedInfrastructure.shared().kafka().bootstrapServers();
    }

    /**
     * Once no relay streams from it, drops the slot and the offsets that point into it: a position in a dropped slot
     * means nothing to a new one (docs/runbook.md).
     */
    static void dropSlotAndOffsets(JdbcClient jdbc, String slot) {
        dropSlot(jdbc, slot);
        jdbc.sql("DROP TABLE IF EXISTS relay_cdc_offsets").update();
    }

    /** Once no relay streams from it, drops the slot alone. */
    static void dropSlot(JdbcClient jdbc, String slot) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM pg_replication_slots WHERE slot_name = :slot AND active")
                                .param("slot", slot)
                                .query(Long.class)
                                .single()
                        == 0);
        jdbc.sql("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = :slot")
                .param("slot", slot)
                .query()
                .listOfRows();
    }

    static long unpublished(JdbcClient jdbc, List<UUID> eventIds) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE event_id IN (:ids) AND published_at IS NULL")
                .param("ids", eventIds)
                .query(Long.class)
                .single();
    }
}
