package com.outboxwallet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.infra.EmbeddedPostgresServer;
import com.outboxwallet.local.Service;
import com.outboxwallet.local.processes.Instances;
import com.outboxwallet.local.processes.ProcessStack;
import com.outboxwallet.local.processes.ServiceInstance;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A relay leader frozen in the middle of a batch (SIGSTOP of its process: a GC pause, a stalled VM) holds the
 * publishing turn in an open transaction. PostgreSQL ends its leadership session after the lease and its batch's
 * session after {@code idle_in_transaction_session_timeout}; the standby then publishes, the frozen batch's events
 * included, and the ledger applies each top-up once. Without the timeout the turn stays held for as long as the
 * process stays frozen, and nothing is published.
 *
 * <p>"Mid-batch" is made exact rather than hoped for: a trigger on {@code outbox} makes the leader's marking of its
 * batch wait on a lock this test holds, so the leader is frozen after it sent the batch to Kafka and before it
 * committed — the worst moment, when its records are on the topic and its rows still unpublished.
 */
class FrozenRelayLeaderIT {

    /** relay.leadership.lease + the relay pool's idle_in_transaction_session_timeout (outbox-relay.yml). */
    private static final Duration DOCUMENTED_BOUND = Duration.ofSeconds(5 + 30);
    /** A poll interval, a leadership check and the ledger's apply, on a loaded 2-core machine. */
    private static final Duration SLACK = Duration.ofSeconds(10);

    private static final String USER = "frozen-leader-user";
    private static final String PASSWORD = "frozen-leader-password-1";
    private static final int HOLD_KEY = 424242;

    private static Path dataDir;
    private static ProcessStack stack;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheStack() throws IOException {
        dataDir = Files.createTempDirectory("frozen-relay-leader");
        stack = ProcessStack.start(new ProcessStack.Settings(
                dataDir,
                0,
                0,
                1,
                false,
                0,
                Map.of(),
                Instances.parse("api=1,relay=2,ledger=1"),
                Map.of(Service.RELAY, List.of("--relay.mode=polling")),
                false,
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"),
                Map.of()));
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aLeaderFrozenMidBatchCostsNoMoreThanTheLeasePlusTheIdleTransactionTimeoutAndNothingIsAppliedTwice()
            throws Exception {
        URI api = stack.instances(Service.API).getFirst().uri();
        FaultRun.createUser(api, USER, PASSWORD);
        topUp(api);
        await().atMost(Duration.ofMinutes(1)).until(() -> auditedTopUps() == 1);

        ServiceInstance leader = RelayLeader.of(stack);
        Instant frozenAt;
        try (Connection test = walletDatabase()) {
            holdTheMarkingOfBatches(test);
            topUp(api);
            await().atMost(Duration.ofSeconds(30)).until(() -> aBatchIsWaitingToBeMarked(test));

            leader.jvm().pause();
            frozenAt = Instant.now();
            sql(test, "SELECT pg_advisory_unlock(" + HOLD_KEY + ")"); // the frozen batch's UPDATE completes; no COMMIT
        }
        try {
            topUp(api);
            await().atMost(DOCUMENTED_BOUND.plus(SLACK).plusSeconds(30)).until(() -> auditedTopUps() == 3);
            Duration publishingLost = Duration.between(frozenAt, Instant.now());

            System.out.println("frozen-relay-leader: the standby published " + publishingLost.toMillis()
                    + " ms after the leader froze mid-batch (bound " + DOCUMENTED_BOUND.toSeconds() + " s + slack)");
            assertThat(publishingLost).isLessThanOrEqualTo(DOCUMENTED_BOUND.plus(SLACK));
            assertThat(RelayLeader.of(stack)).isNotSameAs(leader);
        } finally {
            leader.jvm().resume();
        }

        await().atMost(Duration.ofMinutes(1)).until(() -> unpublishedOutboxRows() == 0);
        assertThat(auditedTopUps()).isEqualTo(3);
        assertThat(ledgerBalance()).isEqualByComparingTo("30.00");
    }

    private void topUp(URI api) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(api.resolve("/api/v1/topups"))
                        .header("Authorization", FaultRun.basic(USER, PASSWORD))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"10.00\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** Every UPDATE of an outbox row (the relay marking its batch published) waits while this session holds a lock. */
    private static void holdTheMarkingOfBatches(Connection test) throws SQLException {
        sql(test, """
                CREATE OR REPLACE FUNCTION test_hold_marking() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_advisory_xact_lock_shared(%d); RETURN NEW; END $$""".formatted(HOLD_KEY));
        sql(test, "DROP TRIGGER IF EXISTS test_hold_marking ON outbox");
        sql(
                test,
                "CREATE TRIGGER test_hold_marking BEFORE UPDATE ON outbox FOR EACH ROW"
                        + " EXECUTE FUNCTION test_hold_marking()");
        sql(test, "SELECT pg_advisory_lock(" + HOLD_KEY + ")");
    }

    private static boolean aBatchIsWaitingToBeMarked(Connection test) throws SQLException {
        try (Statement statement = test.createStatement();
                ResultSet waiting = statement.executeQuery("""
                        SELECT count(*) FROM pg_stat_activity
                         WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE outbox SET published_at%'""")) {
            return waiting.next() && waiting.getLong(1) > 0;
        }
    }

    private static long auditedTopUps() throws SQLException {
        return single(stack.endpoints().ledgerDatabaseUrl(), "SELECT count(*) FROM audit_log")
                .longValue();
    }

    private static long unpublishedOutboxRows() throws SQLException {
        return single(stack.endpoints().walletDatabaseUrl(), "SELECT count(*) FROM outbox WHERE published_at IS NULL")
                .longValue();
    }

    private static BigDecimal ledgerBalance() throws SQLException {
        return single(stack.endpoints().ledgerDatabaseUrl(), "SELECT coalesce(sum(balance), 0) FROM wallet_balances");
    }

    private static BigDecimal single(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getBigDecimal(1);
        }
    }

    private static Connection walletDatabase() throws SQLException {
        return DriverManager.getConnection(stack.endpoints().walletDatabaseUrl(), EmbeddedPostgresServer.USER, "");
    }

    private static void sql(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
