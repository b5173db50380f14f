package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.events.TopUpAccepted;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The break glass, for a record that slips past rule one: here a top-up whose insert times out every attempt (a
 * trigger raises query_canceled for it, as a statement timeout would), which is rightly taken for the infrastructure's
 * failure and retried. The health details name the record; {@code dead-letters set-aside} moves it to the dead-letter
 * topic and the wallet's next top-up applies. On a topic, consumer group and database of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + LedgerServiceApplication.CONFIG_NAME,
            "ledger.topic=" + OperatorSetAsideIT.TOPIC,
            "ledger.dead-letter-topic=" + OperatorSetAsideIT.TOPIC + ".dlt",
            "spring.kafka.consumer.group-id=" + OperatorSetAsideIT.GROUP,
            "ledger.retry.initial-interval=50ms",
            "ledger.retry.max-interval=250ms"
        })
class OperatorSetAsideIT extends LedgerTestSupport {

    static final String TOPIC = "wallet.events.breakglass";
    static final String GROUP = "ledger-breakglass-test";
    private static final String DATABASE = "ledger_breakglass_test";

    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure(registry, DATABASE);
    }

    @Override
    String topic() {
        return TOPIC;
    }

    @AfterEach
    void dropTheTimeout() {
        jdbc.sql("DROP TRIGGER IF EXISTS times_out ON audit_log").update();
    }

    @Test
    void aRecordThatHoldsUpItsPartitionIsNamedByHealthAndSetAsideByTheOperator(CapturedOutput output) throws Exception {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted stuck = aTopUpOf("9.00", wallet, 1);
        TopUpAccepted next = aTopUpOf("5.00", wallet, 2);
        timesOutEveryAttempt(stuck.topUpId());

        RecordMetadata held = send(asRecord(topic(), UUID.randomUUID(), stuck));
        publish(UUID.randomUUID(), next);

        String position = held.partition() + ":" + held.offset();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode health = json.readTree(
                    get("/actuator/health", OPERATOR, OPERATOR_PASSWORD).body());
            assertThat(health.at("/components/walletEvents/status").asString()).isEqualTo("DOWN");
            assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/walletEvents/details/records").asString())
                    .startsWith(TOPIC + "-" + held.partition() + "@" + held.offset());
            assertThat(health.at("/components/walletEvents/details/lastFailure").asString())
                    .contains("statement timeout");
        });
        assertThat(auditRowsOf(next.topUpId())).as("held up behind it").isZero();

        assertThat(runCommandOn(
                        DATABASE,
                        "dead-letters",
                        "set-aside",
                        position,
                        "--reason",
                        "times out every attempt",
                        "--operator",
                        "alice",
                        "--ledger.topic=" + TOPIC,
                        "--spring.kafka.consumer.group-id=" + GROUP))
                .isZero();

        assertThat(output.getOut()).contains("set aside " + TOPIC + "-" + position);
        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(next.topUpId()) == 1);
        assertThat(auditRowsOf(stuck.topUpId())).isZero();
        assertThat(balanceOf(wallet)).isEqualByComparingTo("5.00");
        ConsumerRecord<String, byte[]> deadLetter = deadLetterOf(held);
        assertThat(header(deadLetter, "ledger_dlt-reason")).isEqualTo("set-aside-by-operator");
        assertThat(header(deadLetter, "kafka_dlt-exception-message"))
                .contains("set aside by operator alice")
                .contains("times out every attempt");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(json.readTree(get("/actuator/health", OPERATOR, OPERATOR_PASSWORD)
                                        .body())
                                .at("/components/walletEvents/status")
                                .asString())
                        .isEqualTo("UP"));

        // Once the ledger is past it, setting it aside again is refused: there is nothing to do.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> runCommandOn(
                                DATABASE,
                                "dead-letters",
                                "set-aside",
                                position,
                                "--reason",
                                "again",
                                "--ledger.topic=" + TOPIC,
                                "--spring.kafka.consumer.group-id=" + GROUP)
                        == 1);
        assertThat(output.getOut()).contains("the ledger is already past " + TOPIC + "-" + position);
    }

    /** The database cancels the top-up's insert, every time, as a statement timeout would. */
    private void timesOutEveryAttempt(UUID topUpId) {
        jdbc.sql("""
                        CREATE OR REPLACE FUNCTION time_out_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            IF NEW.top_up_id = '%s' THEN
                                RAISE EXCEPTION 'canceling statement due to statement timeout'
                                    USING ERRCODE = 'query_canceled';
                            END IF;
                            RETURN NEW;
                        END
                        $$""".formatted(topUpId)).update();
        jdbc.sql(
                        "CREATE TRIGGER times_out BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION time_out_for_test()")
                .update();
    }
}
