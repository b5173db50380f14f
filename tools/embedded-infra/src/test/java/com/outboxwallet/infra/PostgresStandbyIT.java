package com.outboxwallet.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fail-over the harness will inject: a synchronous standby has every commit the primary acknowledged, and once
 * the primary is killed and the standby promoted, it has them all and takes writes.
 */
class PostgresStandbyIT {

    @Test
    void aPromotedStandbyHasEveryCommitThePrimaryAcknowledged(@TempDir Path data) throws Exception {
        try (EmbeddedPostgresServer primary = EmbeddedPostgresServer.start(0, data.resolve("primary"), true)) {
            String primaryUrl = primary.createDatabase("wallet");
            sql(primaryUrl, "CREATE TABLE committed (n INT PRIMARY KEY)");
            sql(primaryUrl, "INSERT INTO committed SELECT generate_series(1, 100)");

            try (EmbeddedPostgresServer standby =
                    PostgresStandby.start(primary, "standby_1", 0, data.resolve("standby"))) {
                awaitSynchronous(primary);
                sql(primaryUrl, "INSERT INTO committed SELECT generate_series(101, 200)"); // acknowledged by both

                primary.postmaster().destroyForcibly(); // kill -9: the primary is gone
                standby.promote();

                String standbyUrl = standby.jdbcUrl("wallet");
                assertThat(count(standbyUrl)).isEqualTo(200);
                sql(standbyUrl, "INSERT INTO committed VALUES (201)");
                assertThat(count(standbyUrl)).isEqualTo(201);
            }
        }
    }

    /** Until the primary reports the standby as its synchronous one. */
    private static void awaitSynchronous(EmbeddedPostgresServer primary) {
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            try (Connection connection =
                            DriverManager.getConnection(primary.jdbcUrl("postgres"), EmbeddedPostgresServer.USER, "");
                    ResultSet sync = connection
                            .createStatement()
                            .executeQuery("SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'")) {
                sync.next();
                return sync.getInt(1) == 1;
            }
        });
    }

    private static void sql(String url, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static int count(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
                ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM committed")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
