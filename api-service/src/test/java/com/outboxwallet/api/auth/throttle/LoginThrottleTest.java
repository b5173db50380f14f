package com.outboxwallet.api.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.redis.RedisFallbacks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic, on this instance's own counters and a clock the test moves. */
class LoginThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottleProperties limits =
            new LoginThrottleProperties(3, 5, Duration.ofSeconds(1), Duration.ofSeconds(60));
    private final LocalFailureCounter counters = new LocalFailureCounter(clock, limits.longestDelay());
    private final LoginThrottle throttle =
            new LoginThrottle(counters, counters, limits, clock, new RedisFallbacks(new SimpleMeterRegistry()));

    @Test
    void failuresBelowTheLimitDoNotWait() {
        fail("alice", "10.0.0.1", 2);

        assertThat(throttle.check("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void theWaitDoublesWithEachFailurePastTheLimitUpToTheLongest() {
        fail("alice", "10.0.0.1", 3);
        assertThat(throttle.check("alice", "10.0.0.1").orElseThrow().retryAfter())
                .isEqualTo(Duration.ofSeconds(1));

        fail("alice", "10.0.0.1", 1);
        assertThat(throttle.check("alice", "10.0.0.1").orElseThrow().retryAfter())
                .isEqualTo(Duration.ofSeconds(2));

        fail("alice", "10.0.0.1", 1);
        assertThat(throttle.check("alice", "10.0.0.1").orElseThrow().retryAfter())
                .isEqualTo(Duration.ofSeconds(4));

        fail("alice", "10.0.0.1", 20);
        assertThat(throttle.check("alice", "10.0.0.1").orElseThrow().retryAfter())
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theWaitIsCountedFromTheLastFailure() {
        fail("alice", "10.0.0.1", 4); // 2 s after the fourth

        clock.advance(Duration.ofMillis(1500));
        assertThat(throttle.check("alice", "10.0.0.1").orElseThrow().retryAfter())
                .isEqualTo(Duration.ofMillis(500));

        clock.advance(Duration.ofMillis(500));
        assertThat(throttle.check("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void aUsernameIsThrottledFromTheAddressThatFailedNotFromAnother() {
        fail("alice", "10.0.0.1", 3);

        assertThat(throttle.check("alice", "10.0.0.1")).isPresent();
        assertThat(throttle.check("alice", "10.0.0.2")).isEmpty();
    }

    @Test
    void anAddressIsThrottledForEveryUsernameOnceItFailedForManyAndASuccessDoesNotClearIt() {
        for (int i = 0; i < 4; i++) {
            fail("user-" + i, "10.0.0.1", 1);
        }
        throttle.succeeded("mallory", "10.0.0.1");
        fail("user-4", "10.0.0.1", 1);

        LoginThrottle.Wait wait = throttle.check("someone-new", "10.0.0.1").orElseThrow();
        assertThat(wait.limit()).isEqualTo(LoginThrottle.Limit.ADDRESS);
        assertThat(wait.maxFailures()).isEqualTo(5);
    }

    @Test
    void aSuccessForgetsItsOwnUsernamesFailuresFromItsAddress() {
        fail("alice", "10.0.0.1", 2);
        throttle.succeeded("alice", "10.0.0.1");
        fail("alice", "10.0.0.1", 2);

        assertThat(throttle.check("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void ipv6AddressesCountByTheirSlash64() {
        assertThat(LoginThrottle.clientOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(LoginThrottle.clientOf("2001:db8:1:2::1"))
                .endsWith("/64");
        assertThat(LoginThrottle.clientOf("2001:db8:1:3::1")).isNotEqualTo(LoginThrottle.clientOf("2001:db8:1:2::1"));
        assertThat(LoginThrottle.clientOf("192.0.2.7")).isEqualTo("192.0.2.7");
    }

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address);
        }
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
