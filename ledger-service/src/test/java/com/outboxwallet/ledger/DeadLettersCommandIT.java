package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.events.TopUpAccepted;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DeadLettersCommandIT extends LedgerIntegrationTest {

    @Test
    void aValidRecordReDrivenFromTheDeadLetterTopicIsAppliedOnce(CapturedOutput output) {
        UUID wallet = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        TopUpAccepted topUp = aTopUpOf("42.00", wallet, 1);
        RecordMetadata deadLetter = send(asDeadLetter(eventId, topUp));
        String position = deadLetter.partition() + ":" + deadLetter.offset();

        assertThat(runCommand("dead-letters", "list")).isZero();
        assertThat(output.getOut())
                .contains("pending " + position + " ce_id=" + eventId)
                .contains("from wallet.events-2@17 reason: CannotAcquireLockException: ledger database unavailable");

        assertThat(runCommand("dead-letters", "redrive", position)).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(topUp.topUpId()) == 1);
        assertThat(balanceOf(wallet)).isEqualByComparingTo("42.00");

        // Re-driving it again is harmless: the ledger already holds the event.
        double duplicatesBefore = eventsCounted("duplicate");
        assertThat(runCommand("dead-letters", "redrive", position)).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsCounted("duplicate") > duplicatesBefore);
        assertThat(auditRowsOf(topUp.topUpId())).isEqualTo(1);
        assertThat(balanceOf(wallet)).isEqualByComparingTo("42.00");

        assertThat(runCommand("dead-letters", "list")).isZero();
        assertThat(output.getOut()).contains("applied " + position + " ce_id=" + eventId);
    }

    @Test
    void reDrivingAPositionWithoutARecordFails(CapturedOutput output) {
        assertThat(runCommand("dead-letters", "redrive", "0:999999999")).isEqualTo(2);
        assertThat(output.getErr()).contains("dead-letters redrive failed: no record at 0:999999999");
    }

    /** As the dead-letter publisher leaves a record whose retries ran out, e.g. while the database was down. */
    private ProducerRecord<String, byte[]> asDeadLetter(UUID eventId, TopUpAccepted topUp) {
        ProducerRecord<String, byte[]> record = asRecord("wallet.events.dlt", eventId, topUp);
        record.headers().add("kafka_dlt-original-topic", "wallet.events".getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(
                        "kafka_dlt-original-partition",
                        ByteBuffer.allocate(4).putInt(2).array());
        record.headers()
                .add(
                        "kafka_dlt-original-offset",
                        ByteBuffer.allocate(8).putLong(17).array());
        record.headers()
                .add(
                        "kafka_dlt-exception-fqcn",
                        "org.springframework.dao.CannotAcquireLockException".getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add("kafka_dlt-exception-message", "ledger database unavailable".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
