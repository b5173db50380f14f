package com.outboxwallet.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.relay.housekeeping.OutboxRetention;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

class HousekeepingIT extends RelayIntegrationTest {

    @Autowired
    OutboxRetention retention;

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    @Test
    void retentionDeletesOnlyPublishedRowsOlderThanTheRetention() throws Exception {
        UUID wallet = UUID.randomUUID();
        UUID expired = OutboxRows.anEventFor(jdbc, wallet, 1);
        UUID recent = OutboxRows.anEventFor(jdbc, wallet, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(List.of(expired, recent)) == 0);
        jdbc.sql("UPDATE outbox SET published_at = now() - interval '8 days' WHERE event_id = :id")
                .param("id", expired)
                .update();

        try (Connection holder = dataSource.getConnection()) {
            // A row still unpublished (its lock keeps the relay away from it for the moment). The relay polls every
            // 50 ms and may publish a new row before the lock is taken: then another row is tried.
            holder.setAutoCommit(false);
            UUID waiting = null;
            for (int attempt = 0; attempt < 20 && waiting == null; attempt++) {
                UUID candidate = OutboxRows.anEventFor(jdbc, wallet, 3 + attempt);
                try (PreparedStatement lock = holder.prepareStatement(
                        "SELECT id FROM outbox WHERE event_id = ? AND published_at IS NULL FOR UPDATE")) {
                    lock.setObject(1, candidate);
                    if (lock.executeQuery().next()) {
                        waiting = candidate;
                    }
                }
            }
            assertThat(waiting)
                    .as("an unpublished row locked before the relay took it")
                    .isNotNull();

            retention.deleteExpired();

            assertThat(exists(expired)).isFalse();
            assertThat(exists(recent)).isTrue();
            assertThat(exists(waiting)).isTrue();
            holder.rollback();
        }
    }

    @Test
    void republishSendsAWalletsRetainedEventsAgainInOrder() {
        UUID wallet = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        List<UUID> ofWallet = List.of(OutboxRows.anEventFor(jdbc, wallet, 1), OutboxRows.anEventFor(jdbc, wallet, 2));
        UUID ofOther = OutboxRows.anEventFor(jdbc, other, 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> unpublished(List.of(ofWallet.get(0), ofWallet.get(1), ofOther)) == 0);

        int exitCode = OutboxRelayApplication.runCommand(
                "republish",
                "--from=" + Instant.now().minus(Duration.ofHours(1)),
                "--to=" + Instant.now().plusSeconds(60),
                "--wallet=" + wallet,
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers());

        assertThat(exitCode).isZero();
        try (TopicReader topic = new TopicReader(bootstrapServers(), "wallet.events")) {
            // The other wallet's event was published too; it must be there once, not re-published.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.withEventIds(ofWallet).size() == 4
                            && topic.withEventIds(List.of(ofOther)).size() == 1);
            assertThat(topic.withEventIds(List.of(ofOther))).hasSize(1);
            assertThat(topic.withEventIds(ofWallet))
                    .extracting(r -> TopicReader.header(r, "ce_walletsequence"))
                    .containsExactly("1", "2", "1", "2");
        }
    }

    /**
     * On a database no relay serves, so that rows stay unpublished: a wallet's sequences 1 and 2 published, 3 and 4
     * not. Republishing sends 1 and 2 again, in order, and neither sends nor marks 3 and 4, which the live relay
     * sends after them.
     */
    @Test
    void republishSendsOnlyPublishedRowsSoAWalletsOrderHolds() {
        String url = StandaloneRelay.migratedDatabase("republish_test");
        JdbcClient owner = StandaloneRelay.jdbc(url);
        UUID wallet = UUID.randomUUID();
        List<UUID> published =
                List.of(OutboxRows.anEventFor(owner, wallet, 1), OutboxRows.anEventFor(owner, wallet, 2));
        List<UUID> waiting = List.of(OutboxRows.anEventFor(owner, wallet, 3), OutboxRows.anEventFor(owner, wallet, 4));
        owner.sql("UPDATE outbox SET published_at = now() WHERE event_id IN (:ids)")
                .param("ids", published)
                .update();

        int exitCode = OutboxRelayApplication.runCommand(
                "republish",
                "--from=" + Instant.now().minus(Duration.ofHours(1)),
                "--to=" + Instant.now().plusSeconds(60),
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers());

        assertThat(exitCode).isZero();
        try (TopicReader topic = new TopicReader(bootstrapServers(), "wallet.events")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.withEventIds(published).size() == 2);
            assertThat(topic.withEventIds(published))
                    .extracting(r -> TopicReader.header(r, "ce_walletsequence"))
                    .containsExactly("1", "2");
            assertThat(topic.withEventIds(waiting)).isEmpty();
        }
        assertThat(StandaloneRelay.unpublished(owner, waiting))
                .as("left to the live relay")
                .isEqualTo(2);
    }

    @Test
    void republishWithoutAStartIsRefusedWithExitCode2() {
        int exitCode = OutboxRelayApplication.runCommand(
                "republish",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers());

        assertThat(exitCode).isEqualTo(2);
    }

    private long unpublished(List<UUID> eventIds) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE event_id IN (:ids) AND published_at IS NULL")
                .param("ids", eventIds)
                .query(Long.class)
                .single();
    }

    private boolean exists(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE event_id = :id")
                        .param("id", eventId)
                        .query(Long.class)
                        .single()
                == 1;
    }
}
