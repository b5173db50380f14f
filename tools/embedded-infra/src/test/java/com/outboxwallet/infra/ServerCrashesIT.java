package com.outboxwallet.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crashes the fault harness injects into the servers, each leaving a server that works again. */
class ServerCrashesIT {

    @Test
    void postgresCrashRestartsThroughRecoveryWithItsCommittedRowsOnTheSamePort(@TempDir Path data) throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0, data.resolve("pg"), true)) {
            String url = postgres.createDatabase("crash");
            try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
                    Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE committed (n INT); INSERT INTO committed VALUES (1), (2)");
            }
            long before = postgres.postmaster().pid();

            postgres.crashRestart();

            assertThat(postgres.postmaster().pid()).isNotEqualTo(before);
            try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
                    ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM committed")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void redisKilledLeavesItsPortForAnEmptyOne() {
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(0);
        int port = redis.port();
        long pid = redis.pid();

        redis.kill();

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(FreePorts.inUse(port)).isFalse();
        EmbeddedRedisServer again = EmbeddedRedisServer.start(port);
        try {
            assertThat(again.pid()).isNotEqualTo(pid);
            assertThat(listens(port)).isTrue();
        } finally {
            again.close();
        }
    }

    private static boolean listens(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
