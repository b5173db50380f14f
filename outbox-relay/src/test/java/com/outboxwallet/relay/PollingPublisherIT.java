package com.outboxwallet.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PollingPublisherIT extends RelayIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void everyRowIsPublishedOnceAsACloudEventKeyedByItsWallet() {
        UUID walletA = UUID.randomUUID();
        UUID walletB = UUID.randomUUID();
        List<UUID> eventIds = new ArrayList<>();
        for (long sequence = 1; sequence <= 3; sequence++) {
            eventIds.add(OutboxRows.anEventFor(jdbc, walletA, sequence));
            eventIds.add(OutboxRows.anEventFor(jdbc, walletB, sequence));
        }

        try (TopicReader topic = new TopicReader(bootstrapServers(), "wallet.events")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.withEventIds(eventIds).size() >= eventIds.size());
            await().atMost(Duration.ofSeconds(10)).until(() -> unpublished(eventIds) == 0);
            List<ConsumerRecord<String, byte[]>> records = topic.withEventIds(eventIds);

            assertThat(records).hasSize(eventIds.size());
            assertThat(records)
                    .extracting(r -> TopicReader.header(r, "ce_id"))
                    .containsExactlyInAnyOrderElementsOf(
                            eventIds.stream().map(UUID::toString).toList());
            ConsumerRecord<String, byte[]> first = records.getFirst();
            assertThat(TopicReader.header(first, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicReader.header(first, "ce_type")).isEqualTo("com.outboxwallet.wallet.topup.accepted.v1");
            assertThat(TopicReader.header(first, "ce_source")).isEqualTo("/outbox-wallet/api-service");
            assertThat(TopicReader.header(first, "ce_time")).isNotBlank();
            assertThat(TopicReader.header(first, "content-type")).isEqualTo("application/json");
            assertThat(TopicReader.header(first, "ce_idempotencykey")).startsWith("key-");
            assertThat(new String(first.value(), StandardCharsets.UTF_8))
                    .contains("\"walletId\": \"" + first.key() + "\"");
            for (UUID wallet : List.of(walletA, walletB)) {
                List<ConsumerRecord<String, byte[]>> ofWallet = records.stream()
                        .filter(r -> r.key().equals(wallet.toString()))
                        .toList();
                assertThat(ofWallet)
                        .extracting(ConsumerRecord::partition)
                        .containsOnly(ofWallet.getFirst().partition());
                assertThat(ofWallet)
                        .extracting(r -> TopicReader.header(r, "ce_walletsequence"))
                        .containsExactly("1", "2", "3");
            }
        }
    }

    @Test
    void aRowWhoseTransactionCommitsAfterLaterRowsWerePublishedIsStillPublished() throws Exception {
        UUID wallet = UUID.randomUUID();
        try (Connection slowTransaction = dataSource.getConnection();
                TopicReader topic = new TopicReader(bootstrapServers(), "wallet.events")) {
            slowTransaction.setAutoCommit(false);
            UUID late = OutboxRows.anUncommittedEventFor(slowTransaction, wallet, 1);
            UUID early = OutboxRows.anEventFor(jdbc, UUID.randomUUID(), 1);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.withEventIds(List.of(early)).size() == 1);
            assertThat(outboxId(early)).isGreaterThan(idOfUncommitted(slowTransaction, late));
            slowTransaction.commit();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.withEventIds(List.of(late)).size() == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> unpublished(List.of(late, early)) == 0);
        }
    }

    private long unpublished(List<UUID> eventIds) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE event_id IN (:ids) AND published_at IS NULL")
                .param("ids", eventIds)
                .query(Long.class)
                .single();
    }

    private long outboxId(UUID eventId) {
        return jdbc.sql("SELECT id FROM outbox WHERE event_id = :id")
                .param("id", eventId)
                .query(Long.class)
                .single();
    }

    private static long idOfUncommitted(Connection connection, UUID eventId) throws Exception {
        try (var select = connection.prepareStatement("SELECT id FROM outbox WHERE event_id = ?")) {
            select.setObject(1, eventId);
            try (var rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
