package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.events.TopUpAccepted;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OperatorApiIT extends LedgerIntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void anOperatorReadsAWalletsEntriesNewestFirstAndItsBalanceCheckedAgainstThem() throws Exception {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted first = aTopUpOf("10.00", wallet, 1);
        TopUpAccepted second = aTopUpOf("20.50", wallet, 2);
        publish(UUID.randomUUID(), first);
        publish(UUID.randomUUID(), second);
        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(second.topUpId()) == 1);

        JsonNode page =
                json.readTree(get("/api/v1/ledger/wallets/" + wallet + "/entries?size=1", OPERATOR, OPERATOR_PASSWORD)
                        .body());
        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        assertThat(page.get("content").size()).isEqualTo(1);
        assertThat(page.get("content").get(0).get("amount").asString()).isEqualTo("20.50");
        assertThat(page.get("content").get(0).get("account").asString()).isEqualTo("wallet:" + wallet);
        assertThat(page.get("content").get(0).get("transactionId").asString())
                .isEqualTo(second.topUpId().toString());

        JsonNode balance =
                json.readTree(get("/api/v1/ledger/wallets/" + wallet + "/balance", OPERATOR, OPERATOR_PASSWORD)
                        .body());
        assertThat(balance.get("balance").asString()).isEqualTo("30.50");
        assertThat(balance.get("entriesBalance").asString()).isEqualTo("30.50");
        assertThat(balance.get("consistent").asBoolean()).isTrue();
        assertThat(balance.get("lastSequence").asLong()).isEqualTo(2);
        assertThat(balance.get("openGapCount").asLong()).isZero();
    }

    @Test
    void badPagingAndUnknownWalletsAreProblemsWithStableTypes() throws Exception {
        HttpResponse<String> tooLarge =
                get("/api/v1/ledger/wallets/" + UUID.randomUUID() + "/entries?size=101", OPERATOR, OPERATOR_PASSWORD);
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(tooLarge.body()).get("type").asString()).isEqualTo("/problems/invalid-request");

        HttpResponse<String> negativePage = get("/api/v1/ledger/sequence-gaps?page=-1", OPERATOR, OPERATOR_PASSWORD);
        assertThat(negativePage.statusCode()).isEqualTo(400);
        // Past the last page (Paging.LAST_PAGE): no OFFSET scan of a million rows on the operator's word.
        for (String listing : List.of(
                "/api/v1/ledger/sequence-gaps?page=1001",
                "/api/v1/ledger/wallets/" + UUID.randomUUID() + "/entries?page=1001",
                "/api/v1/ledger/wallets/" + UUID.randomUUID() + "/audit-log?page=1001")) {
            HttpResponse<String> tooDeep = get(listing, OPERATOR, OPERATOR_PASSWORD);
            assertThat(tooDeep.statusCode()).as(listing).isEqualTo(400);
            assertThat(json.readTree(tooDeep.body()).get("type").asString()).isEqualTo("/problems/invalid-request");
        }

        HttpResponse<String> unknown =
                get("/api/v1/ledger/wallets/" + UUID.randomUUID() + "/balance", OPERATOR, OPERATOR_PASSWORD);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(unknown.body()).get("type").asString()).isEqualTo("/problems/not-found");

        assertThat(get("/api/v1/ledger/wallets/" + UUID.randomUUID() + "/balance", null, null)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void metricsIncludingConsumerLagAreForTheOperatorOnly() throws Exception {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted topUp = aTopUpOf("1.00", wallet, 1);
        publish(UUID.randomUUID(), topUp);
        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(topUp.topUpId()) == 1);

        assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = get("/actuator/prometheus", OPERATOR, OPERATOR_PASSWORD);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("ledger_events_total{", "outcome=\"applied\"", "outcome=\"duplicate\"")
                .contains("ledger_dead_letters_total")
                .contains("ledger_sequence_gaps_open")
                .contains("kafka_consumer_fetch_manager_records_lag_max");
        assertThat(get("/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/info", null, null).statusCode()).isEqualTo(200);
    }
}
