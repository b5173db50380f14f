package com.outboxwallet.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.api.auth.AuthProperties;
import com.outboxwallet.api.auth.CredentialRevocations;
import com.outboxwallet.api.auth.Role;
import com.outboxwallet.api.auth.WalletUser;
import com.outboxwallet.infra.EmbeddedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The feed that tells this instance of disabled accounts and changed passwords outlives a poll that fails for a
 * reason nobody foresaw (here a row the code does not expect, on a real PostgreSQL): it says so, counts it, and reads
 * the next change as soon as it can. Before, the first such failure ended its schedule for good, silently.
 */
class CredentialChangeFeedIT {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final CredentialRevocations revocations = new CredentialRevocations();
    private JdbcClient jdbc;
    private CredentialChangeFeed feed;

    @BeforeEach
    void aUsersTableThatAllowsWhatTheRealOneForbids() {
        String url = EmbeddedInfrastructure.shared().postgres().createDatabase("credential_feed_test");
        jdbc = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", ""));
        jdbc.sql("DROP TABLE IF EXISTS users").update();
        jdbc.sql("CREATE TABLE users (id UUID, credentials_version BIGINT, credentials_changed_at TIMESTAMPTZ)")
                .update();
        feed = new CredentialChangeFeed(
                new UserAccountRepository(jdbc),
                revocations,
                new AuthProperties(Duration.ofMinutes(1), Duration.ofHours(1), 100, Duration.ofMillis(50)),
                meters);
    }

    @AfterEach
    void stop() {
        feed.stop();
    }

    @Test
    void aPollThatFailsUnexpectedlyIsCountedAndTheFeedReadsTheNextChange() {
        jdbc.sql("INSERT INTO users VALUES (NULL, 1, now())").update(); // a user without an id: an NPE downstream
        feed.start();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.get("wallet.auth.credential.changes.failures")
                                .counter()
                                .count()
                        >= 3);
        assertThat(meters.get("wallet.auth.credential.changes.age").gauge().value())
                .isGreaterThan(0);

        jdbc.sql("DELETE FROM users").update();
        UUID alice = UUID.randomUUID();
        jdbc.sql("INSERT INTO users VALUES (:id, 2, now())").param("id", alice).update();
        WalletUser aliceBeforeHerChange = new WalletUser(alice, "alice", null, Role.USER, true, 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> !revocations.isCurrent(aliceBeforeHerChange));
        assertThat(feed.age()).isLessThan(Duration.ofSeconds(5));
    }
}
