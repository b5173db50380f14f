package com.outboxwallet.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The relay's database role (wallet_relay, the api-service's V6__least_privilege_roles.sql) publishes, marks and
 * deletes outbox rows, and can do nothing else to the wallet database.
 */
class RelayRoleIT {

    private static final String RELAY_LOGIN = "relay_runtime_test";
    /** REPLICATION is an attribute of the login role itself: membership does not pass it on. */
    private static final String CDC_LOGIN = "relay_cdc_runtime_test";

    private static String url;
    private static JdbcClient owner;

    @BeforeAll
    static void aDatabaseAndALoginRoleWithTheRelaysPrivileges() {
        url = StandaloneRelay.migratedDatabase("relay_role_test");
        owner = StandaloneRelay.jdbc(url);
        owner.sql("""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN
                        CREATE ROLE %s LOGIN IN ROLE wallet_relay;
                    END IF;
                END $$""".formatted(RELAY_LOGIN, RELAY_LOGIN)).update();
        owner.sql("""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN
                        CREATE ROLE %s LOGIN REPLICATION IN ROLE wallet_relay;
                    END IF;
                END $$""".formatted(CDC_LOGIN, CDC_LOGIN)).update();
    }

    @Test
    void theCdcRelayStreamsOnItsRoleWithThePublicationAndOffsetsTheOwnerMade() {
        List<UUID> eventIds = new ArrayList<>();
        UUID wallet = UUID.randomUUID();
        try (ConfigurableApplicationContext relay = StandaloneRelay.startAs(
                        CDC_LOGIN, url, "--relay.mode=cdc", "--relay.cdc.slot-name=relay_role_cdc");
                TopicReader topic = new TopicReader(StandaloneRelay.bootstrapServers(), "wallet.events")) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> owner.sql(
                                            "SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'relay_role_cdc' AND active")
                                    .query(Long.class)
                                    .single()
                            == 1);
            for (long sequence = 1; sequence <= 3; sequence++) {
                eventIds.add(OutboxRows.anEventFor(owner, wallet, sequence));
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> topic.withEventIds(eventIds).size() == eventIds.size());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> owner.sql("SELECT count(*) FROM relay_cdc_offsets")
                                    .query(Long.class)
                                    .single()
                            > 0);
        } finally {
            StandaloneRelay.dropSlotAndOffsets(owner, "relay_role_cdc");
        }
    }

    @Test
    void thePollingRelayPublishesAndMarksRowsOnItsRoleAlone() {
        List<UUID> eventIds = new ArrayList<>();
        UUID wallet = UUID.randomUUID();
        for (long sequence = 1; sequence <= 3; sequence++) {
            eventIds.add(OutboxRows.anEventFor(owner, wallet, sequence));
        }

        try (ConfigurableApplicationContext relay = StandaloneRelay.startAs(RELAY_LOGIN, url, "--relay.mode=polling");
                TopicReader topic = new TopicReader(StandaloneRelay.bootstrapServers(), "wallet.events")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> StandaloneRelay.unpublished(owner, eventIds) == 0);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.withEventIds(eventIds).size() == eventIds.size());
            // Without REPLICATION it still sees every slot's WAL, for ReplicationSlotHoldsWal.
            assertThat(relay.getBean(MeterRegistry.class)
                            .get("relay.replication.slots.wal.held")
                            .gauge()
                            .value())
                    .isNotNaN()
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void theCdcRoleMayWriteTheHeartbeatThatMovesAnIdleSlot() throws SQLException {
        try (Connection relay = DriverManager.getConnection(url, CDC_LOGIN, "");
                Statement sql = relay.createStatement()) {
            assertThat(sql.execute("SELECT pg_logical_emit_message(false, 'outbox-relay-heartbeat', now()::varchar)"))
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "INSERT INTO outbox (event_id, aggregate_type, aggregate_id, event_type, payload, sequence, occurred_at)"
                        + " VALUES (gen_random_uuid(), 'wallet', gen_random_uuid(), 't', '{}', 1, now())",
                "UPDATE outbox SET payload = '{}'",
                "TRUNCATE outbox",
                "DROP TABLE outbox",
                "SELECT * FROM users",
                "UPDATE wallets SET balance = 0",
                "SELECT * FROM top_ups",
                "CREATE TABLE stray (id INT)",
                // Polling needs no slot: the role compose gives a polling relay has no REPLICATION.
                "SELECT pg_create_logical_replication_slot('polling_relay_slot', 'pgoutput')"
            })
    void theRelayRoleIsRefused(String statement) throws SQLException {
        try (Connection relay = DriverManager.getConnection(url, RELAY_LOGIN, "");
                Statement sql = relay.createStatement()) {
            assertThatThrownBy(() -> sql.execute(statement))
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            refused -> assertThat(refused.getSQLState())
                                    .as(refused.getMessage())
                                    .isEqualTo("42501"));
        }
    }
}
