package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.infra.FreePorts;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis is down (nothing listens where the service looks for it). The documented choice: top-ups go on, with
 * PostgreSQL's unique (user, key) constraint as the only idempotency guard, so a retry still credits once.
 */
@TestPropertySource(
        properties = {
            "wallet.auth.login-throttle.max-failures-per-user=5",
            // Long enough that the sixth guess is still within it however long the fifth waited on Redis's timeouts.
            "wallet.auth.login-throttle.first-delay=1m"
        })
class RedisUnavailableIT extends ApiServiceTestBase {

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void redisNobodyListensOn(DynamicPropertyRegistry registry) {
        registry.add("wallet.redis.url", () -> "redis://localhost:" + FreePorts.free());
        registry.add("wallet.redis.command-timeout", () -> "200ms");
    }

    @Test
    void topUpsGoOnAndARetryStillCreditsOnce() {
        Credentials alice = aUser();
        String key = anyKey();

        HttpResponse<String> first = api().topUp(alice, key, "25.00");
        HttpResponse<String> retry = api().topUp(alice, key, "25.00");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(topUpsOf(alice)).isEqualTo(1);
        assertThat(json.readTree(api().get(alice, "/api/v1/wallet").body())
                        .get("balance")
                        .asString())
                .isEqualTo("25.00");
    }

    /**
     * The documented bound: each Redis call fails within the command timeout (200 ms here) and is skipped. A top-up
     * makes three (rate limit, claim, cached response); a retry of each, which Redisson spaces by a second or more,
     * would take it past three seconds.
     */
    @Test
    void aTopUpWaitsOnRedisNoLongerThanItsCommandTimeouts() {
        Credentials alice = aUser();
        api().topUp(alice, anyKey(), "1.00");

        long started = System.nanoTime();
        HttpResponse<String> topUp = api().topUp(alice, anyKey(), "1.00");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(topUp.statusCode()).isEqualTo(201);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void eachRequestThatWentOnWithoutRedisIsCountedByWhatRedisWouldHaveDone() {
        Credentials alice = aUser();
        double claims = fallbacks("idempotency-claim");
        double rateLimits = fallbacks("rate-limit");

        assertThat(api().topUp(alice, anyKey(), "5.00").statusCode()).isEqualTo(201);

        assertThat(fallbacks("idempotency-claim") - claims).isEqualTo(1);
        assertThat(fallbacks("rate-limit") - rateLimits).isEqualTo(1);
    }

    private double fallbacks(String use) {
        return meters.get("wallet.redis.fallbacks").tag("use", use).counter().count();
    }

    @Test
    void aReusedKeyIsStillRefusedByTheDatabase() {
        Credentials alice = aUser();
        String key = anyKey();
        api().topUp(alice, key, "25.00");

        HttpResponse<String> reused = api().topUp(alice, key, "26.00");

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(topUpsOf(alice)).isEqualTo(1);
    }

    @Test
    void theServiceStaysReadyAndReportsRedisDown() {
        assertThat(api().get(null, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        HttpResponse<String> health = api().get(admin(), "/actuator/health");
        assertThat(json.readTree(health.body())
                        .get("components")
                        .get("redis")
                        .get("status")
                        .asString())
                .isEqualTo("DOWN");
    }

    @Test
    void theScrapeAnswersWithRedisMemoryUnknown() {
        HttpResponse<String> scrape = api().get(metricsScraper(), "/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body().lines())
                .contains("wallet_redis_memory_used_bytes NaN", "wallet_redis_memory_max_bytes NaN")
                .anyMatch(line -> line.matches("wallet_redis_evicted_keys_total 0(\\.0)?"));
    }

    @Test
    void passwordGuessingIsStillThrottledByTheInstanceItself() throws Exception {
        Credentials alice = aUser();
        WalletApi guesser = new WalletApi(
                "http://127.0.0.1:" + port,
                HttpClient.newBuilder()
                        .localAddress(InetAddress.getByName("127.0.0.9"))
                        .build());

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(guesser.get(new Credentials(alice.username(), "guess-" + i, null, null), "/api/v1/wallet")
                    .statusCode());
        }

        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429);
        assertThat(api().get(alice, "/api/v1/wallet").statusCode())
                .as("the right password from elsewhere")
                .isEqualTo(200);
    }
}
