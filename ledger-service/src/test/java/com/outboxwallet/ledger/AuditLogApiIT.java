package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.events.TopUpAccepted;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuditLogApiIT extends LedgerIntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void anOperatorReadsAWalletsAuditLogNewestFirst() throws Exception {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted first = aTopUpOf("10.00", wallet, 1);
        TopUpAccepted second = aTopUpOf("20.00", wallet, 2);
        publish(UUID.randomUUID(), first);
        publish(UUID.randomUUID(), second);
        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(second.topUpId()) == 1);

        HttpResponse<String> response =
                get("/api/v1/ledger/wallets/" + wallet + "/audit-log", OPERATOR, OPERATOR_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = json.readTree(response.body());
        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        assertThat(page.get("content")
                        .valueStream()
                        .map(r -> r.get("amount").asString())
                        .toList())
                .containsExactly("20.00", "10.00");
        assertThat(page.get("content").get(0).get("message").asString()).contains("Top up of 20.00 IDR");
    }

    @Test
    void theAuditLogIsClosedToAnyoneButTheOperator() throws Exception {
        String path = "/api/v1/ledger/wallets/" + UUID.randomUUID() + "/audit-log";

        assertThat(get(path, null, null).statusCode()).isEqualTo(401);
        assertThat(get(path, OPERATOR, "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> badId = get("/api/v1/ledger/wallets/not-a-uuid/audit-log", OPERATOR, OPERATOR_PASSWORD);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
