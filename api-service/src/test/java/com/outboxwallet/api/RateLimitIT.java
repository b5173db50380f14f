package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@TestPropertySource(properties = {"wallet.rate-limit.requests=3", "wallet.rate-limit.window=60s"})
class RateLimitIT extends ApiServiceIntegrationTest {

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    @Test
    void everyAnswerSaysThePolicyAndWhatIsLeft() {
        Credentials alice = aUser();

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(api().get(alice, "/api/v1/wallet"));
        }

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
        saysThePolicyAndCountsDown(answers);
    }

    @Test
    void theRequestOverTheLimitIsA429WithRetryAfterAndWritesNothing() {
        Credentials alice = aUser();
        for (int i = 0; i < 3; i++) {
            assertThat(api().topUp(alice, anyKey(), "1.00").statusCode()).isEqualTo(201);
        }
        double refusedBefore = meters.get("wallet.rate.limited").counter().count();

        HttpResponse<String> refused = api().topUp(alice, anyKey(), "1.00");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/rate-limited");
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.headers().firstValue("RateLimit")).hasValue("\"per-user\";r=0;t=" + retryAfter);
        assertThat(topUpsOf(alice)).isEqualTo(3);
        assertThat(meters.get("wallet.rate.limited").counter().count() - refusedBefore)
                .isEqualTo(1);
    }

    @Test
    void topUpsTakeTheirPermitsWithTheirClaimsAndSayWhatIsLeft() {
        Credentials alice = aUser();

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(api().topUp(alice, anyKey(), "1.00"));
        }

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201);
        saysThePolicyAndCountsDown(answers);
    }

    @Test
    void aTopUpRefusedBeforeItsClaimCountsAllTheSame() {
        Credentials alice = aUser();
        for (int i = 0; i < 3; i++) {
            assertThat(api().topUp(alice, anyKey(), "not money").statusCode()).isEqualTo(400);
        }

        HttpResponse<String> fourth = api().get(alice, "/api/v1/wallet");

        assertThat(fourth.statusCode()).isEqualTo(429);
    }

    @Test
    void aRetryOverTheLimitIsRefusedAndTheFirstAnswerStaysForLater() {
        Credentials alice = aUser();
        String key = anyKey();
        HttpResponse<String> first = api().topUp(alice, key, "1.00");
        api().get(alice, "/api/v1/wallet");
        api().get(alice, "/api/v1/wallet");

        HttpResponse<String> retry = api().topUp(alice, key, "1.00");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(429);
        assertThat(topUpsOf(alice)).isEqualTo(1);
    }

    private static void saysThePolicyAndCountsDown(List<HttpResponse<String>> answers) {
        assertThat(answers)
                .allSatisfy(answer -> assertThat(answer.headers().firstValue("RateLimit-Policy"))
                        .hasValue("\"per-user\";q=3;w=60"));
        assertThat(answers)
                .extracting(answer -> answer.headers().firstValue("RateLimit").orElseThrow())
                .containsExactly("\"per-user\";r=2", "\"per-user\";r=1", "\"per-user\";r=0");
    }

    @Test
    void oneUsersLimitLeavesOtherUsersAlone() {
        Credentials alice = aUser();
        Credentials bob = aUser();
        for (int i = 0; i < 4; i++) {
            api().get(alice, "/api/v1/wallet");
        }
        assertThat(api().get(alice, "/api/v1/wallet").statusCode()).isEqualTo(429);

        HttpResponse<String> forBob = api().get(bob, "/api/v1/wallet");

        assertThat(forBob.statusCode()).isEqualTo(200);
        assertThat(forBob.headers().firstValue("RateLimit")).hasValue("\"per-user\";r=2");
    }
}
