package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.infra.EmbeddedInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The api-service's side is its real schema (its own Flyway scripts) in a database of its own. */
@ExtendWith(OutputCaptureExtension.class)
class ReconcileCommandIT extends LedgerIntegrationTest {

    private static final String RECONCILE_LOGIN = "reconcile_runtime_test";
    private static String walletDatabaseUrl;
    private static JdbcClient walletDatabase;

    private final UUID wallet = UUID.randomUUID();

    @BeforeAll
    static void apiServiceDatabase() {
        walletDatabaseUrl = EmbeddedInfrastructure.shared().postgres().createDatabase("wallet_reconcile_test");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(walletDatabaseUrl, "postgres", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/api")
                .load()
                .migrate();
        walletDatabase = JdbcClient.create(dataSource);
        // reconcile reads as a login role whose only privilege is wallet_reconcile's: SELECT on wallets.
        walletDatabase.sql("""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN
                        CREATE ROLE %s LOGIN IN ROLE wallet_reconcile;
                    END IF;
                END $$""".formatted(RECONCILE_LOGIN, RECONCILE_LOGIN)).update();
    }

    /** The api-service as it should be: a wallet for every wallet the ledger knows, at the ledger's balance. */
    @BeforeEach
    void walletsAgreeingWithTheLedger() {
        TopUpAccepted first = aTopUpOf("100.00", wallet, 1);
        TopUpAccepted second = aTopUpOf("50.25", wallet, 2);
        publish(UUID.randomUUID(), first);
        publish(UUID.randomUUID(), second);
        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(second.topUpId()) == 1);

        walletDatabase.sql("DELETE FROM wallets").update();
        walletDatabase.sql("DELETE FROM users").update();
        jdbc.sql("SELECT wallet_id, currency, balance, last_sequence FROM wallet_balances")
                .query((rs, n) -> {
                    UUID user = UUID.randomUUID();
                    walletDatabase
                            .sql("""
                                    INSERT INTO users (id, username, password_hash, role)
                                    VALUES (:id, :name, 'not-a-hash', 'USER')""")
                            .param("id", user)
                            .param("name", "user-" + user)
                            .update();
                    return walletDatabase
                            .sql("""
                                    INSERT INTO wallets (id, user_id, currency, balance, version)
                                    VALUES (:id, :user, :currency, :balance, :version)""")
                            .param("id", rs.getObject("wallet_id", UUID.class))
                            .param("user", user)
                            .param("currency", rs.getString("currency"))
                            .param("balance", rs.getBigDecimal("balance"))
                            .param("version", rs.getLong("last_sequence"))
                            .update();
                })
                .list();
    }

    @Test
    void reconcileAgreesWithAnUntamperedWalletDatabase(CapturedOutput output) {
        assertThat(reconcile()).isZero();
        assertThat(output.getOut()).contains("reconcile: OK");
    }

    @Test
    void reconcileDetectsATamperedBalanceAndExitsNonZero(CapturedOutput output) {
        walletDatabase
                .sql("UPDATE wallets SET balance = balance + 1000 WHERE id = :id")
                .param("id", wallet)
                .update();

        assertThat(reconcile()).isEqualTo(1);
        assertThat(output.getOut())
                .contains("MISMATCH BALANCE wallet " + wallet + ": api-service 1150.25, ledger projection 150.25")
                .contains("reconcile: MISMATCHES FOUND");
    }

    @Test
    void reconcileDetectsATamperedProjectionAVersionMismatchAndAMissingWallet(CapturedOutput output) {
        UUID unknownToTheLedger = UUID.randomUUID();
        walletDatabase
                .sql("UPDATE wallets SET version = version + 1 WHERE id = :id")
                .param("id", wallet)
                .update();
        walletDatabase
                .sql("""
                        INSERT INTO users (id, username, password_hash, role) VALUES (:id, :name, 'x', 'USER')""")
                .param("id", unknownToTheLedger)
                .param("name", "user-" + unknownToTheLedger)
                .update();
        walletDatabase.sql("""
                        INSERT INTO wallets (id, user_id, currency, balance, version) VALUES (:id, :id, 'IDR', 5, 1)""").param("id", unknownToTheLedger).update();
        jdbc.sql("UPDATE wallet_balances SET balance = balance + 1 WHERE wallet_id = :id")
                .param("id", wallet)
                .update();
        try {
            assertThat(reconcile()).isEqualTo(1);
        } finally {
            jdbc.sql("UPDATE wallet_balances SET balance = balance - 1 WHERE wallet_id = :id")
                    .param("id", wallet)
                    .update();
        }
        assertThat(output.getOut())
                .contains("MISMATCH ENTRIES wallet " + wallet
                        + ": ledger projection 151.25, sum of ledger entries 150.25")
                .contains("MISMATCH SEQUENCE wallet " + wallet + ": api-service version 3, ledger last sequence 2")
                .contains("MISMATCH MISSING_IN_LEDGER wallet " + unknownToTheLedger);
    }

    @Test
    void theReconcileRoleReadsWalletsAndNothingElse() throws SQLException {
        try (Connection reconcile = DriverManager.getConnection(walletDatabaseUrl, RECONCILE_LOGIN, "");
                Statement sql = reconcile.createStatement()) {
            sql.executeQuery("SELECT count(*) FROM wallets").close();
            for (String refused : List.of(
                    "UPDATE wallets SET balance = 0",
                    "DELETE FROM wallets",
                    "SELECT * FROM users",
                    "SELECT * FROM outbox",
                    "TRUNCATE wallets")) {
                assertThatThrownBy(() -> sql.execute(refused))
                        .as(refused)
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
        }
    }

    @Test
    void reconcileWithoutTheWalletDatabaseIsAUsageError(CapturedOutput output) {
        assertThat(runCommand("reconcile")).isEqualTo(2);
        assertThat(output.getErr()).contains("reconcile failed:").contains("RECONCILE_WALLET_DATASOURCE_URL");
    }

    private static int reconcile() {
        return runCommand("reconcile", "--wallet-db-url", walletDatabaseUrl, "--wallet-db-username", RECONCILE_LOGIN);
    }
}
