package com.outboxwallet.api;

import com.outboxwallet.api.account.UserAccount;
import com.outboxwallet.api.account.UserAccounts;
import com.outboxwallet.api.auth.Role;
import com.outboxwallet.infra.EmbeddedInfrastructure;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The api-service on a random port against the JVM's shared real PostgreSQL; subclasses say which Redis. Tests make
 * their own users, so they never share a wallet and need no clean-up.
 */
@ActiveProfiles("test")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ApiServiceApplication.CONFIG_NAME)
public abstract class ApiServiceTestBase {

    protected static final String ADMIN_PASSWORD = "test-admin-password";
    protected static final String METRICS_PASSWORD = "test-metrics-password";

    @LocalServerPort
    protected int port;

    @Autowired
    protected UserAccounts accounts;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.shared();
        registry.add("spring.datasource.url", () -> infra.postgres().createDatabase("api_test"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("wallet.accounts.bootstrap-admin.password", () -> ADMIN_PASSWORD);
        registry.add("wallet.accounts.metrics-scraper.password", () -> METRICS_PASSWORD);
    }

    protected WalletApi api() {
        return new WalletApi("http://localhost:" + port);
    }

    protected Credentials aUser() {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "password-" + UUID.randomUUID();
        UserAccount account = accounts.create(username, password, Role.USER);
        return new Credentials(username, password, account.id(), account.walletId());
    }

    protected Credentials admin() {
        return new Credentials("admin", ADMIN_PASSWORD, null, null);
    }

    /** The metrics scraper the service provisions from wallet.accounts.metrics-scraper.*. */
    protected Credentials metricsScraper() {
        return new Credentials("prometheus", METRICS_PASSWORD, null, null);
    }

    protected static String anyKey() {
        return "key-" + UUID.randomUUID();
    }

    protected long topUpsOf(Credentials user) {
        return jdbc.sql("SELECT count(*) FROM top_ups WHERE user_id = :id")
                .param("id", user.userId())
                .query(Long.class)
                .single();
    }

    protected long outboxRowsOf(Credentials user) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE aggregate_id = :id")
                .param("id", user.walletId())
                .query(Long.class)
                .single();
    }

    public record Credentials(String username, String password, UUID userId, UUID walletId) {}
}
