package com.outboxwallet.api.topup;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Each outcome of a top-up over HTTP moves its own count by exactly one, as Prometheus scrapes it. */
@TestPropertySource(properties = {"wallet.limits.balance-ceiling=100.00", "wallet.limits.daily-count=2"})
class TopUpMetricsIT extends ApiServiceIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void anAcceptedTopUpCountsOnceAsAccepted() {
        Credentials alice = aUser();

        assertMovesOnlyItsOutcome("accepted", () -> api().topUp(alice, anyKey(), "1.00"), 201);
    }

    @Test
    void aRetryCountsOnceAsReplayed() {
        Credentials alice = aUser();
        String key = anyKey();
        api().topUp(alice, key, "1.00");

        assertMovesOnlyItsOutcome("replayed", () -> api().topUp(alice, key, "1.00"), 201);
    }

    @Test
    void aReusedKeyCountsOnceAsKeyReused() {
        Credentials alice = aUser();
        String key = anyKey();
        api().topUp(alice, key, "1.00");

        assertMovesOnlyItsOutcome("key-reused", () -> api().topUp(alice, key, "2.00"), 422);
    }

    @Test
    void aTopUpPastTheCeilingCountsOnceAsCeilingExceeded() {
        Credentials alice = aUser();

        assertMovesOnlyItsOutcome("ceiling-exceeded", () -> api().topUp(alice, anyKey(), "100.01"), 422);
    }

    @Test
    void aTopUpPastTheDailyCountCountsOnceAsLimitExceeded() {
        Credentials alice = aUser();
        api().topUp(alice, anyKey(), "1.00");
        api().topUp(alice, anyKey(), "1.00");

        assertMovesOnlyItsOutcome("limit-exceeded", () -> api().topUp(alice, anyKey(), "1.00"), 422);
    }

    @Test
    void theTimersAreScrapedWithHistogramBuckets() {
        Credentials alice = aUser();
        api().topUp(alice, anyKey(), "1.00");

        String scraped = api().get(admin(), "/actuator/prometheus").body();

        assertThat(scraped)
                .contains(
                        "wallet_topups_seconds_count{outcome=\"accepted\"}",
                        "wallet_topups_seconds_bucket{outcome=\"accepted\",le=",
                        "wallet_topups_seconds_count{outcome=\"in-flight\"}",
                        "wallet_topups_seconds_count{outcome=\"wallet-busy\"}",
                        "http_server_requests_seconds_bucket{",
                        "wallet_redis_fallbacks_total{use=\"idempotency-claim\"}",
                        "wallet_rate_limited_total");
    }

    private void assertMovesOnlyItsOutcome(String outcome, Supplier<HttpResponse<String>> request, int status) {
        Map<String, Long> before = counts();

        assertThat(request.get().statusCode()).isEqualTo(status);

        Map<String, Long> after = counts();
        before.forEach(
                (each, count) -> assertThat(after.get(each) - count).as(each).isEqualTo(each.equals(outcome) ? 1 : 0));
    }

    /** Other tests of this class run one at a time, so no other top-up moves the counts in between. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        meters.find("wallet.topups")
                .timers()
                .forEach(timer -> counts.put(timer.getId().getTag("outcome"), timer.count()));
        assertThat(counts)
                .containsKeys(
                        "accepted",
                        "replayed",
                        "key-reused",
                        "in-flight",
                        "wallet-busy",
                        "ceiling-exceeded",
                        "limit-exceeded",
                        "failed");
        return counts;
    }
}
