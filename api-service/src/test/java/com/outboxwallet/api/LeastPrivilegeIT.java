package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The api-service's database role (wallet_api, V6__least_privilege_roles.sql) does what the service does and nothing
 * else: it cannot drop, truncate, alter or create anything, nor touch the relay's rows or tables, and the service runs
 * on it alone with the migration owner running Flyway.
 */
class LeastPrivilegeIT extends ApiServiceIntegrationTest {

    /** A login role whose only privileges are wallet_api's, as a deployment would make one. */
    private static final String API_LOGIN = "api_runtime_test";

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Autowired
    Environment environment;

    @Autowired
    JsonMapper json;

    @BeforeEach
    void aLoginRoleWithTheApiServicesPrivileges() {
        jdbc.sql("""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN
                        CREATE ROLE %s LOGIN IN ROLE wallet_api;
                    END IF;
                END $$""".formatted(API_LOGIN, API_LOGIN)).update();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "DROP TABLE top_ups",
                "TRUNCATE outbox",
                "TRUNCATE wallets",
                "ALTER TABLE users ADD COLUMN is_admin BOOLEAN",
                "CREATE TABLE stray (id INT)",
                "DELETE FROM top_ups",
                "UPDATE top_ups SET amount = amount + 1",
                "DELETE FROM users",
                "UPDATE outbox SET published_at = now()",
                "DELETE FROM outbox",
                "SELECT payload FROM outbox",
                "DELETE FROM flyway_schema_history",
                "SELECT * FROM relay_cdc_offsets",
                "DELETE FROM relay_cdc_offsets",
                "INSERT INTO relay_cdc_offsets (id, offset_val, record_insert_ts, record_insert_seq)"
                        + " VALUES ('x', 'rewound', now(), 1)",
                "ALTER PUBLICATION wallet_outbox_relay ADD TABLE users",
                "DROP TABLE relay_cdc_offsets"
            })
    void theApiRoleIsRefused(String statement) throws SQLException {
        try (Connection api = asApiRole();
                Statement sql = api.createStatement()) {
            assertThatThrownBy(() -> sql.execute(statement))
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            refused -> assertThat(refused.getSQLState())
                                    .as(refused.getMessage())
                                    .isEqualTo(INSUFFICIENT_PRIVILEGE));
        }
    }

    @Test
    void theApiServiceRunsOnItsRoleAloneWhileTheMigrationOwnerRunsFlyway() {
        try (ConfigurableApplicationContext apiOnItsRole = ApiServiceApplication.application()
                .run(
                        "--spring.profiles.active=test",
                        "--server.port=0",
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + API_LOGIN,
                        "--spring.datasource.password=",
                        "--spring.flyway.user=" + environment.getProperty("spring.datasource.username"),
                        "--spring.flyway.password=" + environment.getProperty("spring.datasource.password"),
                        "--wallet.redis.url=" + environment.getProperty("wallet.redis.url"),
                        "--wallet.accounts.bootstrap-admin.password=" + ADMIN_PASSWORD,
                        "--wallet.limits.daily-amount=1000.00")) {
            WalletApi api = new WalletApi("http://localhost:"
                    + ((WebServerApplicationContext) apiOnItsRole)
                            .getWebServer()
                            .getPort());
            String username = "least-" + UUID.randomUUID().toString().substring(0, 8);

            HttpResponse<String> created = api.post(
                    admin(),
                    "/api/v1/admin/users",
                    null,
                    "{\"username\":\"" + username + "\",\"password\":\"least-privilege-1\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            JsonNode user = json.readTree(created.body());
            Credentials carol = new Credentials(
                    username,
                    "least-privilege-1",
                    UUID.fromString(user.get("id").asString()),
                    UUID.fromString(user.get("walletId").asString()));

            assertThat(api.topUp(carol, anyKey(), "10.00").statusCode()).isEqualTo(201);
            assertThat(api.get(carol, "/api/v1/topups").statusCode()).isEqualTo(200);
            assertThat(api.get(admin(), "/api/v1/admin/users?size=5").statusCode())
                    .isEqualTo(200);
            assertThat(api.put(
                                    carol,
                                    "/api/v1/account/password",
                                    "{\"currentPassword\":\"least-privilege-1\",\"newPassword\":\"least-privilege-2\"}")
                            .statusCode())
                    .isEqualTo(204);
            assertThat(api.post(admin(), "/api/v1/admin/users/" + carol.userId() + "/disable", null, "")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(topUpsOf(carol)).isEqualTo(1);
            assertThat(outboxRowsOf(carol)).isEqualTo(1);
        }
    }

    @Test
    void theApiRoleMayDeleteOldDailyTotalsAndNothingElse() throws SQLException {
        try (Connection api = asApiRole();
                Statement sql = api.createStatement()) {
            // DailyTotalsRetention's statement; the refusals above show it stops at this table.
            sql.executeUpdate("DELETE FROM daily_top_up_totals WHERE day < DATE '1900-01-01'");
        }
    }

    private Connection asApiRole() throws SQLException {
        return DriverManager.getConnection(environment.getProperty("spring.datasource.url"), API_LOGIN, "");
    }
}
