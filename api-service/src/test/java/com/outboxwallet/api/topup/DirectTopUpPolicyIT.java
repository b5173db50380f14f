package com.outboxwallet.api.topup;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Production's policy (wallet.top-ups.direct=operators): money comes in through payments, or through an operator's
 * cash-in on a user's behalf; a user cannot credit their own wallet on their word.
 */
@TestPropertySource(properties = "wallet.top-ups.direct=operators")
class DirectTopUpPolicyIT extends ApiServiceIntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void aUserCannotTopUpTheirOwnWallet() {
        Credentials alice = aUser();

        HttpResponse<String> answer = api().topUp(alice, anyKey(), "150000.00");

        assertThat(answer.statusCode()).isEqualTo(403);
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/direct-top-up-not-allowed");
        assertThat(problem.get("detail").asString()).contains("/api/v1/payments");
        assertThat(topUpsOf(alice)).isZero();
    }

    @Test
    void anOperatorCashesInOnAUsersBehalfOncePerKey() {
        Credentials alice = aUser();
        String key = anyKey();

        HttpResponse<String> first = cashIn(alice.userId(), key, "50000.00");
        HttpResponse<String> retry = cashIn(alice.userId(), key, "50000.00");

        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode topUp = json.readTree(first.body());
        assertThat(topUp.get("walletId").asString()).isEqualTo(alice.walletId().toString());
        assertThat(topUp.get("balance").asString()).isEqualTo("50000.00");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(topUpsOf(alice)).isEqualTo(1);
        assertThat(api().get(admin(), first.headers().firstValue("Location").orElseThrow())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aUserCannotCashInForAnyone() {
        Credentials alice = aUser();
        Credentials bob = aUser();

        HttpResponse<String> answer = api().post(
                        alice,
                        "/api/v1/admin/users/" + bob.userId() + "/topups",
                        anyKey(),
                        "{\"amount\":\"50000.00\"}");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(topUpsOf(bob)).isZero();
    }

    @Test
    void aCashInForNoUserIsNotFound() {
        assertThat(cashIn(UUID.randomUUID(), anyKey(), "50000.00").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> cashIn(UUID user, String key, String amount) {
        return api().post(admin(), "/api/v1/admin/users/" + user + "/topups", key, "{\"amount\":\"" + amount + "\"}");
    }

    /** wallet.top-ups.direct=off: every credit is a settled payment, whoever asks. */
    @Nested
    @TestPropertySource(properties = "wallet.top-ups.direct=off")
    class WhenDirectTopUpsAreOff {

        @Test
        void notEvenAnOperatorCreditsAWallet() {
            Credentials alice = aUser();

            HttpResponse<String> answer = cashIn(alice.userId(), anyKey(), "50000.00");

            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(json.readTree(answer.body()).get("type").asString())
                    .isEqualTo("/problems/direct-top-up-not-allowed");
            assertThat(topUpsOf(alice)).isZero();
        }
    }
}
