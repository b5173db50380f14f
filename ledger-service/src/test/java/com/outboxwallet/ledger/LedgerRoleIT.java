package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.infra.EmbeddedInfrastructure;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ledger-service runs as a role that does not own its tables (V8__runtime_role.sql): it books top-ups and keeps
 * its projections, while the owner runs Flyway. The append-only rule then binds it: it cannot edit, delete or
 * truncate the book, nor disable or drop the triggers that guard it, nor change any table.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + LedgerServiceApplication.CONFIG_NAME,
            "ledger.topic=" + LedgerRoleIT.TOPIC,
            "ledger.dead-letter-topic=" + LedgerRoleIT.TOPIC + ".dlt",
            "spring.kafka.consumer.group-id=ledger-role-test"
        })
class LedgerRoleIT extends LedgerTestSupport {

    static final String TOPIC = "wallet.events.role";
    private static final String DATABASE = "ledger_role_test";
    /** A login role whose only privileges are ledger_runtime's, as a deployment makes one. */
    private static final String LOGIN = "ledger_runtime_test";

    private static String url;

    @DynamicPropertySource
    static void onItsRoleWithTheOwnerRunningFlyway(DynamicPropertyRegistry registry) {
        infrastructure(registry, DATABASE);
        registry.add("spring.datasource.url", LedgerRoleIT::databaseWithALoginRole);
        registry.add("spring.datasource.username", () -> LOGIN);
        registry.add("spring.flyway.user", () -> "postgres");
        registry.add("spring.flyway.password", () -> "");
    }

    @BeforeAll
    static void itsOwnTopic() throws Exception {
        createTopic(TOPIC, 6);
    }

    @Override
    String topic() {
        return TOPIC;
    }

    private static synchronized String databaseWithALoginRole() {
        if (url == null) {
            url = EmbeddedInfrastructure.shared().postgres().createDatabase(DATABASE);
            JdbcClient owner = owner();
            owner.sql("""
                    DO $$ BEGIN
                        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ledger_runtime') THEN
                            CREATE ROLE ledger_runtime NOLOGIN;
                        END IF;
                        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN
                            CREATE ROLE %s LOGIN IN ROLE ledger_runtime;
                        END IF;
                    END $$""".formatted(LOGIN, LOGIN)).update();
        }
        return url;
    }

    @Test
    void theLedgerBooksTopUpsOnItsRoleAlone() {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted first = aTopUpOf("10.00", wallet, 1);
        TopUpAccepted third = aTopUpOf("5.00", wallet, 3); // leaves a gap: the gap table is written too

        publish(UUID.randomUUID(), first);
        publish(UUID.randomUUID(), third);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> owner().sql("SELECT count(*) FROM audit_log WHERE wallet_id = :w")
                                .param("w", wallet)
                                .query(Long.class)
                                .single()
                        == 2);
        assertThat(owner().sql("SELECT balance FROM wallet_balances WHERE wallet_id = :w")
                        .param("w", wallet)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("15.00");
        assertThat(owner().sql("SELECT count(*) FROM sequence_gaps WHERE wallet_id = :w")
                        .param("w", wallet)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                "DROP TRIGGER ledger_entries_append_only ON ledger_entries",
                "TRUNCATE audit_log",
                "TRUNCATE processed_events",
                "DELETE FROM processed_events",
                "UPDATE processed_events SET top_up_id = NULL",
                "DROP TABLE wallet_balances",
                "ALTER TABLE ledger_entries ADD COLUMN note TEXT",
                "CREATE TABLE stray (id INT)",
                "DELETE FROM flyway_schema_history",
                "DELETE FROM public.operator_set_asides"
            })
    void theLedgersRoleIsRefused(String statement) throws SQLException {
        try (Connection ledger = DriverManager.getConnection(url, LOGIN, "");
                Statement sql = ledger.createStatement()) {
            assertThatThrownBy(() -> sql.execute(statement))
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            refused -> assertThat(refused.getSQLState())
                                    .as(refused.getMessage())
                                    .isEqualTo("42501"));
        }
    }

    private static JdbcClient owner() {
        return JdbcClient.create(new SimpleDriverDataSource(
                new org.postgresql.Driver(),
                EmbeddedInfrastructure.shared().postgres().jdbcUrl(DATABASE),
                "postgres",
                ""));
    }
}
