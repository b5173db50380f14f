package com.outboxwallet.api.payment;

import static com.outboxwallet.api.payment.midtrans.SignedNotification.aSettlement;
import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** A flood on the webhook is cut off per client address before any signature is checked. */
@TestPropertySource(
        properties = {
            "wallet.payments.enabled=true",
            "wallet.payments.midtrans.server-key=SB-Mid-server-flood-it",
            "wallet.payments.midtrans.base-url=http://127.0.0.1:9",
            "wallet.payments.notification-limit.requests=3",
            "wallet.payments.notification-limit.window=1h"
        })
class NotificationFloodIT extends ApiServiceIntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void pastTheLimitAnAddressIsAnsweredTooManyRequestsWithWhenToRetry() {
        List<HttpResponse<String>> answers = IntStream.range(0, 4)
                .mapToObj(i ->
                        post(aSettlement(UUID.randomUUID().toString(), "10.00").signedWith("a-forger-without-the-key")))
                .toList();

        assertThat(answers.subList(0, 3))
                .allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(401));
        HttpResponse<String> refused = answers.get(3);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("RateLimit-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("per-address"));
        assertThat(json.readTree(refused.body()).get("violatedPolicies").get(0).asString())
                .isEqualTo("per-address");
    }

    private HttpResponse<String> post(String body) {
        return api().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/midtrans"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
