package com.outboxwallet.api.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opening a payment while the provider cannot be reached (nothing listens at its address): the request is kept,
 * answered 503 with when to retry, and its retry is the same request. Bad input is refused before the provider is
 * ever asked.
 */
@TestPropertySource(
        properties = {
            "wallet.payments.enabled=true",
            "wallet.payments.midtrans.server-key=SB-Mid-server-provider-down-it",
            "wallet.payments.midtrans.base-url=http://127.0.0.1:9"
        })
class OpeningPaymentsWithTheProviderDownIT extends ApiServiceIntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void theRequestIsKeptAndAnsweredServiceUnavailableWithWhenToRetry() {
        Credentials alice = aUser();
        String key = anyKey();

        HttpResponse<String> first = open(alice, key, "150000.00", "virtual-account");
        HttpResponse<String> retry = open(alice, key, "150000.00", "virtual-account");

        for (HttpResponse<String> answer : java.util.List.of(first, retry)) {
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            assertThat(json.readTree(answer.body()).get("type").asString())
                    .isEqualTo("/problems/payment-provider-unavailable");
        }
        assertThat(jdbc.sql("SELECT state FROM payments WHERE user_id = :user")
                        .param("user", alice.userId())
                        .query(String.class)
                        .list())
                .as("one request, kept for its retry")
                .containsExactly("REQUESTED");
    }

    @Test
    void theSameKeyForAnotherAmountIsRefused() {
        Credentials alice = aUser();
        String key = anyKey();
        open(alice, key, "150000.00", "virtual-account");

        HttpResponse<String> other = open(alice, key, "99.00", "virtual-account");

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json.readTree(other.body()).get("type").asString()).isEqualTo("/problems/idempotency-key-reused");
    }

    @Test
    void anUnknownMethodIsRefusedNamingTheField() {
        Credentials alice = aUser();

        HttpResponse<String> answer = open(alice, anyKey(), "150000.00", "cash");

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(answer.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("method");
        assertThat(error.get("expected").asString()).contains("virtual-account", "qris");
        assertThat(paymentsOf(alice)).isZero();
    }

    @Test
    void anAmountAboveTheMaximumIsRefusedBeforeAnythingIsRecorded() {
        Credentials alice = aUser();

        HttpResponse<String> answer = open(alice, anyKey(), "1000000.01", "qris");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json.readTree(answer.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("amount");
        assertThat(paymentsOf(alice)).isZero();
    }

    @Test
    void anotherUsersPaymentIsNotFound() {
        Credentials alice = aUser();
        Credentials bob = aUser();
        open(alice, anyKey(), "150000.00", "qris");
        String alicesPayment = jdbc.sql("SELECT id::text FROM payments WHERE user_id = :user")
                .param("user", alice.userId())
                .query(String.class)
                .single();

        assertThat(api().get(bob, "/api/v1/payments/" + alicesPayment).statusCode())
                .isEqualTo(404);
        assertThat(api().get(alice, "/api/v1/payments/" + alicesPayment).statusCode())
                .isEqualTo(200);
        assertThat(api().get(alice, "/api/v1/payments/not-a-uuid").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> open(Credentials user, String key, String amount, String method) {
        return api().post(
                        user, "/api/v1/payments", key, "{\"amount\":\"" + amount + "\",\"method\":\"" + method + "\"}");
    }

    private long paymentsOf(Credentials user) {
        return jdbc.sql("SELECT count(*) FROM payments WHERE user_id = :user")
                .param("user", user.userId())
                .query(Long.class)
                .single();
    }
}
