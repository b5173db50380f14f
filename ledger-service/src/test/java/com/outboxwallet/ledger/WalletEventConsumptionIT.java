package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.events.CloudEventHeaders;
import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.ledger.consumer.RecordBatches;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

class WalletEventConsumptionIT extends LedgerIntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    RecordBatches batches;

    @Autowired
    DataSource dataSource;

    @Test
    void theSameEventDeliveredThreeTimesIsAppliedOnceAndCountedAsTwoDuplicates() {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted topUp = aTopUpOf("150000.00", wallet, 1);
        UUID eventId = UUID.randomUUID();
        TopUpAccepted marker = aTopUpOf("1.00", wallet, 2);
        double duplicatesBefore = eventsCounted("duplicate");
        long delaysBefore = eventDelaysTimed();

        publish(eventId, topUp);
        publish(eventId, topUp);
        publish(eventId, topUp);
        publish(UUID.randomUUID(), marker); // same key, same partition: applied after the three copies

        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(marker.topUpId()) == 1);
        assertThat(auditRowsOf(topUp.topUpId())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entries WHERE transaction_id = :id")
                        .param("id", topUp.topUpId())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT sum(amount) FROM ledger_entries WHERE transaction_id = :id")
                        .param("id", topUp.topUpId())
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("0");
        assertThat(balanceOf(wallet)).isEqualByComparingTo("150001.00");
        // Counted once the batch is acknowledged, a moment after its commit made the marker visible.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsCounted("duplicate") - duplicatesBefore)
                        .isEqualTo(2.0));
        // Commit-to-ledger delay: once per applied event, the top-up and the marker; a duplicate is not a delay.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(eventDelaysTimed() - delaysBefore).isEqualTo(2));
    }

    @Test
    void anEventAppliedButNotAcknowledgedBeforeACrashIsAppliedOnceAfterTheRestart() {
        UUID wallet = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        TopUpAccepted topUp = aTopUpOf("25.00", wallet, 1);
        listeners.stop();
        // Stopped for good before anything is published or counted: a consumer still polling would take the record
        // (and commit past it) ahead of the crashing one. Counted while nothing consumes: the restarted listener may
        // count the redelivery as soon as it starts.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> listeners.getListenerContainers().stream().noneMatch(MessageListenerContainer::isRunning));
        double duplicatesBefore = eventsCounted("duplicate");
        try {
            publish(eventId, topUp);
            // The consumer that crashes: in the service's group, it applies the record in the database as the
            // listener does, and dies before the offset commit.
            try (KafkaConsumer<String, byte[]> crashing = consumer("ledger-service", "wallet.events")) {
                ConsumerRecord<String, byte[]> record = pollUntilSeen(crashing, eventId);
                batches.apply(List.of(record));
                // The group's position stays at the record, as a consumer that dies before acknowledging leaves it
                // (said explicitly: the restart must not depend on what the group held before this test).
                crashing.commitSync(Map.of(
                        new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset())));
            }
            assertThat(auditRowsOf(topUp.topUpId())).isEqualTo(1);
        } finally {
            listeners.start();
        }
        TopUpAccepted marker = aTopUpOf("1.00", wallet, 2);
        publish(UUID.randomUUID(), marker);

        await().atMost(Duration.ofSeconds(60)).until(() -> auditRowsOf(marker.topUpId()) == 1);
        assertThat(auditRowsOf(topUp.topUpId())).isEqualTo(1);
        assertThat(balanceOf(wallet)).isEqualByComparingTo("26.00");
        // Counted once the batch is acknowledged, a moment after its commit made the marker visible.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(eventsCounted("duplicate") - duplicatesBefore)
                        .as("the redelivery, counted as a duplicate")
                        .isEqualTo(1.0));
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
        assertThat(balanceOf(wallet)).isEqualByComparingTo("11.00");
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillApplied() {
        UUID wallet = UUID.randomUUID();
        UUID poisonId = UUID.randomUUID();
        TopUpAccepted next = aTopUpOf("7.00", wallet, 1);

        double deadLettersBefore = deadLettersCounted();
        publish(poisonId, TopUpAccepted.TYPE, wallet.toString(), "{not json".getBytes(StandardCharsets.UTF_8));
        publish(UUID.randomUUID(), next);

        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(next.topUpId()) == 1);
        assertThat(deadLettersCounted()).isGreaterThan(deadLettersBefore);
        try (KafkaConsumer<String, byte[]> deadLetters =
                consumer("dlt-reader-" + UUID.randomUUID(), "wallet.events.dlt")) {
            ConsumerRecord<String, byte[]> poison = pollUntilSeen(deadLetters, poisonId);
            assertThat(new String(poison.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(header(poison, "kafka_dlt-original-topic")).isEqualTo("wallet.events");
            assertThat(header(poison, "ledger_dlt-exception")).isEqualTo("com.outboxwallet.events.InvalidWalletEvent");
            assertThat(poison.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
            assertThat(poison.headers().lastHeader("kafka_dlt-original-partition"))
                    .isNotNull();
            assertThat(header(poison, "ledger_dlt-reason")).isEqualTo("malformed-payload");
            assertThat(header(poison, "kafka_dlt-exception-message")).contains("not JSON");
            assertThat(Instant.parse(header(poison, "ledger_dlt-first-seen"))).isBefore(Instant.now());
            assertThat(poison.headers().lastHeader("kafka_dlt-exception-stacktrace"))
                    .as("no stack trace: it says nothing about the record")
                    .isNull();
            assertThat(poison.partition())
                    .as("a dead letter keeps its partition")
                    .isEqualTo(ByteBuffer.wrap(poison.headers()
                                    .lastHeader("kafka_dlt-original-partition")
                                    .value())
                            .getInt());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :id")
                        .param("id", poisonId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aRecordWhoseEventIdHeaderHasNoValueIsSetAsideWithinSecondsAndTheWalletsNextTopUpApplies() {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted next = aTopUpOf("5.00", wallet, 1);
        // As kcat -H "ce_id" writes it: the header is there, its value is null.
        ProducerRecord<String, byte[]> nullId = asRecord(topic(), UUID.randomUUID(), aTopUpOf("9.00", wallet, 1));
        nullId.headers().remove(CloudEventHeaders.ID);
        nullId.headers().add(CloudEventHeaders.ID, null);

        RecordMetadata poison = send(nullId);
        publish(UUID.randomUUID(), next);

        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(next.topUpId()) == 1);
        ConsumerRecord<String, byte[]> deadLetter = deadLetterOf(poison);
        assertThat(header(deadLetter, "ledger_dlt-reason")).isEqualTo("missing-attribute");
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("ce_id header is required");
        assertThat(balanceOf(wallet)).isEqualByComparingTo("5.00");
    }

    @Test
    void aTopUpOfAnAmountWithAHugeExponentIsSetAsideWithinSecondsAndTheWalletsNextTopUpApplies() {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted next = aTopUpOf("5.00", wallet, 1);
        ProducerRecord<String, byte[]> huge = asRecord(topic(), UUID.randomUUID(), aTopUpOf("9.00", wallet, 1));
        String payload = new String(huge.value(), StandardCharsets.UTF_8)
                .replace("\"amount\":\"9.00\"", "\"amount\":\"1E+2147483647\"")
                .replace("\"balanceAfter\":\"9.00\"", "\"balanceAfter\":\"1E+2147483647\"");
        assertThat(payload).contains("1E+2147483647");

        RecordMetadata poison = send(new ProducerRecord<>(
                huge.topic(), null, huge.key(), payload.getBytes(StandardCharsets.UTF_8), huge.headers()));
        publish(UUID.randomUUID(), next);

        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(next.topUpId()) == 1);
        ConsumerRecord<String, byte[]> deadLetter = deadLetterOf(poison);
        assertThat(header(deadLetter, "ledger_dlt-reason")).isEqualTo("invalid-amount");
        assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains("no exponent");
        assertThat(listeners.getListenerContainers()).allMatch(MessageListenerContainer::isRunning);
    }

    @Test
    void ledgerEntriesCannotBeEditedOrDeleted() {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted topUp = aTopUpOf("3.00", wallet, 1);
        publish(UUID.randomUUID(), topUp);
        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(topUp.topUpId()) == 1);

        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> jdbc.sql("UPDATE ledger_entries SET amount = 1000 WHERE transaction_id = :id")
                                .param("id", topUp.topUpId())
                                .update()))
                .hasMessageContaining("append-only");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> jdbc.sql("DELETE FROM audit_log WHERE top_up_id = :id")
                                .param("id", topUp.topUpId())
                                .update()))
                .hasMessageContaining("append-only");
    }

    @Test
    void theLedgerAndTheAuditLogCannotBeTruncated() throws SQLException {
        for (String table : List.of("ledger_entries", "audit_log")) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false); // rolled back whatever happens: other tests' rows stay
                try {
                    assertThat(org.assertj.core.api.Assertions.catchThrowable(
                                    () -> statement.execute("TRUNCATE " + table)))
                            .as(table)
                            .hasMessageContaining("append-only");
                } finally {
                    connection.rollback();
                }
            }
        }
    }

    /** Nothing is committed: auto-commit is off and no test commits. */
    private static KafkaConsumer<String, byte[]> consumer(String group, String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static ConsumerRecord<String, byte[]> pollUntilSeen(KafkaConsumer<String, byte[]> consumer, UUID eventId) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().anyMatch(r -> eventId.toString().equals(header(r, "ce_id")));
        });
        return seen.stream()
                .filter(r -> eventId.toString().equals(header(r, "ce_id")))
                .findFirst()
                .orElseThrow();
    }
}
