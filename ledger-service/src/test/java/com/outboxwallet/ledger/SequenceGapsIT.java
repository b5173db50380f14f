package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.events.TopUpAccepted;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SequenceGapsIT extends LedgerIntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void aMissingSequenceRaisesTheGapAlarmAndALateArrivalClearsIt() throws Exception {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted first = aTopUpOf("10.00", wallet, 1);
        TopUpAccepted late = aTopUpOf("20.00", wallet, 2);
        TopUpAccepted third = aTopUpOf("30.00", wallet, 3);

        publish(UUID.randomUUID(), first);
        publish(UUID.randomUUID(), third);
        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(third.topUpId()) == 1);

        // Applied and flagged: the balance is live, the gap is visible everywhere an operator looks.
        JsonNode balance =
                json.readTree(get("/api/v1/ledger/wallets/" + wallet + "/balance", OPERATOR, OPERATOR_PASSWORD)
                        .body());
        assertThat(balance.get("balance").asString()).isEqualTo("40.00");
        assertThat(balance.get("lastSequence").asLong()).isEqualTo(3);
        assertThat(balance.get("openGapCount").asLong()).isEqualTo(1);
        assertThat(balance.get("openGaps").get(0).get("first").asLong()).isEqualTo(2);
        assertThat(balance.get("openGaps").get(0).get("last").asLong()).isEqualTo(2);
        assertThat(meters.get("ledger.sequence.gaps.open").gauge().value()).isGreaterThanOrEqualTo(1.0);
        assertThat(get("/api/v1/ledger/sequence-gaps?size=100", OPERATOR, OPERATOR_PASSWORD)
                        .body())
                .contains(wallet.toString());
        var health = get("/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).get("status").asString()).isEqualTo("GAPS");
        var readiness = get("/actuator/health/readiness", null, null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json.readTree(readiness.body()).get("status").asString()).isEqualTo("UP");
        var details = json.readTree(
                get("/actuator/health", OPERATOR, OPERATOR_PASSWORD).body());
        assertThat(details.get("components")
                        .get("sequenceGaps")
                        .get("details")
                        .get("openGaps")
                        .asLong())
                .isGreaterThanOrEqualTo(1);

        double filledBefore =
                meters.get("ledger.sequence.gaps.filled").counter().count();
        publish(UUID.randomUUID(), late);
        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(late.topUpId()) == 1);

        JsonNode filled =
                json.readTree(get("/api/v1/ledger/wallets/" + wallet + "/balance", OPERATOR, OPERATOR_PASSWORD)
                        .body());
        assertThat(filled.get("balance").asString()).isEqualTo("60.00");
        assertThat(filled.get("lastSequence").asLong()).isEqualTo(3);
        assertThat(filled.get("openGapCount").asLong()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM sequence_gaps WHERE wallet_id = :w")
                        .param("w", wallet)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(meters.get("ledger.sequence.gaps.open").gauge().value()).isZero();
        assertThat(meters.get("ledger.sequence.gaps.filled").counter().count() - filledBefore)
                .isEqualTo(1.0);
        assertThat(json.readTree(get("/actuator/health", null, null).body())
                        .get("status")
                        .asString())
                .isEqualTo("UP");
    }

    @Test
    void aSequenceHeaderThatContradictsThePayloadIsDeadLetteredAndTheNextEventApplied() {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted contradicted = aTopUpOf("5.00", wallet, 1);
        TopUpAccepted next = aTopUpOf("6.00", wallet, 1);
        var record = asRecord("wallet.events", UUID.randomUUID(), contradicted);
        record.headers().remove("ce_walletsequence");
        record.headers().add("ce_walletsequence", "7".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        send(record);
        publish(UUID.randomUUID(), next);

        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(next.topUpId()) == 1);
        assertThat(auditRowsOf(contradicted.topUpId())).isZero();
        assertThat(balanceOf(wallet)).isEqualByComparingTo("6.00");
    }
}
