package com.outboxwallet.ledger;

import com.outboxwallet.events.TopUpAccepted;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WalletEventConsumptionIT extends LedgerIntegrationTest {

    @Test
    void theSameEventDeliveredThreeTimesIsAppliedOnce() {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted topUp = aTopUpOf("150000.00", wallet, 1);
        UUID eventId = UUID.randomUUID();
        TopUpAccepted marker = aTopUpOf("1.00", wallet, 2);

        publish(eventId, topUp);
        publish(eventId, topUp);
        publish(eventId, topUp);
        publish(UUID.randomUUID(), marker); // same key, same partition: applied after the three copies

        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(marker.topUpId()) == 1);
        assertThat(auditRowsOf(topUp.topUpId())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entries WHERE transaction_id = :id")
                .param("id", topUp.topUpId()).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT sum(amount) FROM ledger_entries WHERE transaction_id = :id")
                .param("id", topUp.topUpId()).query(BigDecimal.class).single()).isEqualByComparingTo("0");
        assertThat(jdbc.sql("SELECT balance FROM wallet_balances WHERE wallet_id = :w")
                .param("w", wallet).query(BigDecimal.class).single()).isEqualByComparingTo("150001.00");
    }

    @Test
    void theSameTopUpUnderANewEventIdIsNotRecordedTwice() {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted topUp = aTopUpOf("10.00", wallet, 1);
        TopUpAccepted marker = aTopUpOf("1.00", wallet, 2);

        publish(UUID.randomUUID(), topUp);
        publish(UUID.randomUUID(), topUp);
        publish(UUID.randomUUID(), marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(marker.topUpId()) == 1);
        assertThat(auditRowsOf(topUp.topUpId())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT balance FROM wallet_balances WHERE wallet_id = :w")
                .param("w", wallet).query(BigDecimal.class).single()).isEqualByComparingTo("11.00");
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillApplied() {
        UUID wallet = UUID.randomUUID();
        UUID poisonId = UUID.randomUUID();
        TopUpAccepted next = aTopUpOf("7.00", wallet, 1);

        publish(poisonId, TopUpAccepted.TYPE, wallet.toString(), "{not json".getBytes(StandardCharsets.UTF_8));
        publish(UUID.randomUUID(), next);

        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(next.topUpId()) == 1);
        try (KafkaConsumer<String, byte[]> deadLetters = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            deadLetters.subscribe(List.of("wallet.events.dlt"));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                deadLetters.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> poisonId.toString().equals(header(r, "ce_id")));
            });
            ConsumerRecord<String, byte[]> poison = seen.stream()
                    .filter(r -> poisonId.toString().equals(header(r, "ce_id"))).findFirst().orElseThrow();
            assertThat(new String(poison.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(header(poison, "kafka_dlt-original-topic")).isEqualTo("wallet.events");
            assertThat(header(poison, "kafka_dlt-exception-cause-fqcn")).isEqualTo("com.outboxwallet.events.InvalidWalletEvent");
            assertThat(poison.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
            assertThat(poison.headers().lastHeader("kafka_dlt-original-partition")).isNotNull();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :id")
                .param("id", poisonId).query(Long.class).single()).isZero();
    }

    @Test
    void ledgerEntriesCannotBeEditedOrDeleted() {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted topUp = aTopUpOf("3.00", wallet, 1);
        publish(UUID.randomUUID(), topUp);
        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(topUp.topUpId()) == 1);

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql(
                "UPDATE ledger_entries SET amount = 1000 WHERE transaction_id = :id").param("id", topUp.topUpId()).update()))
                .hasMessageContaining("append-only");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql(
                "DELETE FROM audit_log WHERE top_up_id = :id").param("id", topUp.topUpId()).update()))
                .hasMessageContaining("append-only");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
