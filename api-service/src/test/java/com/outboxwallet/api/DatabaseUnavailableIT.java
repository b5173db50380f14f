package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service's database refuses connections (a restart, a fail-over): an answer a client can act on — {@code 503}
 * with {@code Retry-After}, never a {@code 500} "internal error" or a {@code 401} that blames the password — and the
 * retry with the same key, once the database is back, credits once. Found by {@code bin/fault-test}.
 */
class DatabaseUnavailableIT extends ApiServiceIntegrationTest {

    private static final String DATABASE = "api_db_outage";

    @DynamicPropertySource
    static void ownDatabaseWithAShortConnectionTimeout(DynamicPropertyRegistry registry) {
        // The base class's spring.datasource.url is registered after this; the pool's own URL is bound over it.
        registry.add(
                "spring.datasource.hikari.jdbc-url",
                () -> EmbeddedInfrastructure.shared().postgres().createDatabase(DATABASE));
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
    }

    @BeforeEach
    @AfterEach
    void databaseBack() throws SQLException {
        postgres("ALTER DATABASE " + DATABASE + " WITH ALLOW_CONNECTIONS true");
        // The pool replaces its terminated connections in the background; wait until it hands out a live one.
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> jdbc.sql("SELECT 1").query(Integer.class).single() == 1);
    }

    @Test
    void aTopUpWhileTheDatabaseIsUnreachableIsAServiceUnavailableProblemAndItsRetryCreditsOnce() throws SQLException {
        Credentials alice = aUser();
        String key = anyKey();
        assertThat(api().get(alice, "/api/v1/wallet").statusCode()).isEqualTo(200); // her password is verified

        databaseUnreachable();
        HttpResponse<String> during = api().topUp(alice, key, "30.00");

        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(during.headers().firstValue("Retry-After")).isPresent();
        assertThat(during.body())
                .contains("\"type\":\"/problems/service-unavailable\"")
                .doesNotContain("Exception")
                .doesNotContain("at com.");

        databaseBack();
        HttpResponse<String> retry = api().topUp(alice, key, "30.00");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(topUpsOf(alice)).isEqualTo(1);
    }

    @Test
    void aClientWhosePasswordCannotBeCheckedIsNotToldItIsWrong() throws SQLException {
        Credentials bob = aUser();

        databaseUnreachable();
        HttpResponse<String> during = api().get(bob, "/api/v1/wallet");

        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.headers().firstValue("Retry-After")).isPresent();
        assertThat(during.body()).contains("\"type\":\"/problems/service-unavailable\"");
    }

    private static void databaseUnreachable() throws SQLException {
        postgres("ALTER DATABASE " + DATABASE + " WITH ALLOW_CONNECTIONS false");
        postgres("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");
    }

    private static void postgres(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        EmbeddedInfrastructure.shared().postgres().jdbcUrl("postgres"), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
