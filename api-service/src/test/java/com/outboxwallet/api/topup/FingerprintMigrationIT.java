package com.outboxwallet.api.topup;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.infra.EmbeddedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A top-up written before V3 still matches its own retry after it: the migration computes what the code computes. */
class FingerprintMigrationIT {

    @Test
    void aTopUpFingerprintedWithTheRouteBeforeV3MatchesItsRetryAfterIt() throws Exception {
        String url = EmbeddedInfrastructure.shared().postgres().createDatabase("fingerprint_migration");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        migrate(dataSource, "2");
        UUID user = UUID.randomUUID();
        UUID wallet = UUID.randomUUID();
        jdbc.sql("INSERT INTO users (id, username, password_hash, role) VALUES (:id, 'before-v3', 'x', 'USER')")
                .param("id", user)
                .update();
        jdbc.sql("INSERT INTO wallets (id, user_id, currency, balance, version) VALUES (:id, :user, 'EUR', 10.5, 1)")
                .param("id", wallet)
                .param("user", user)
                .update();
        jdbc.sql("""
                        INSERT INTO top_ups (id, user_id, wallet_id, idempotency_key, request_fingerprint, amount, currency,
                                             balance_after, wallet_version, created_at)
                        VALUES (:id, :user, :wallet, 'k', :fingerprint, 10.5, 'EUR', 10.5, 1, now())""")
                .param("id", UUID.randomUUID())
                .param("user", user)
                .param("wallet", wallet)
                .param("fingerprint", sha256("POST /api/v1/topups amount=10.50"))
                .update();

        migrate(dataSource, "3");

        String migrated = jdbc.sql("SELECT request_fingerprint FROM top_ups WHERE user_id = :user")
                .param("user", user)
                .query(String.class)
                .single();
        assertThat(migrated)
                .isEqualTo(new TopUpCommand(user, new IdempotencyKey("k"), Amount.parse("10.5")).fingerprint());
    }

    private static void migrate(DriverManagerDataSource dataSource, String version) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/api")
                .target(version)
                .load()
                .migrate();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
