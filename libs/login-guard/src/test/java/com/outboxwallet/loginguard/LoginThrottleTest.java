package com.outboxwallet.loginguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The throttle's policy and arithmetic, on this instance's own counters and a clock the test moves. */
class LoginThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final ThrottlePolicy policy =
            new ThrottlePolicy(3, 6, 5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofDays(30));
    private final LoginThrottle throttle = new LoginThrottle(new LocalAttemptCounters(clock, policy), policy, "test:");

    @Test
    void attemptsUpToTheLimitDoNotWaitAndTheNextOneDoes() {
        fail("alice", "10.0.0.1", 2);
        throttle.attempt("alice", "10.0.0.1"); // the third: still within the limit

        assertThat(waitOf("alice", "10.0.0.1").retryAfter()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        throttle.attempt("alice", "10.0.0.1"); // the first wait is over: one more is let through
    }

    @Test
    void theWaitDoublesWithEachAttemptPastTheLimitUpToTheLongest() {
        fail("alice", "10.0.0.1", 3);
        assertThat(waitOf("alice", "10.0.0.1").retryAfter()).isEqualTo(Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        fail("alice", "10.0.0.1", 1);
        assertThat(waitOf("alice", "10.0.0.1").retryAfter()).isEqualTo(Duration.ofSeconds(2));

        clock.advance(Duration.ofSeconds(2));
        fail("alice", "10.0.0.1", 1);
        assertThat(waitOf("alice", "10.0.0.1").retryAfter()).isEqualTo(Duration.ofSeconds(4));

        for (int i = 0; i < 8; i++) {
            clock.advance(Duration.ofSeconds(60));
            fail("alice", "10.0.0.1", 1);
        }
        assertThat(waitOf("alice", "10.0.0.1").retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theWaitIsCountedFromTheLastAttempt() {
        fail("alice", "10.0.0.1", 3);

        clock.advance(Duration.ofMillis(600));
        assertThat(waitOf("alice", "10.0.0.1").retryAfter()).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aRefusedAttemptIsNotCounted() {
        fail("alice", "10.0.0.1", 3);
        for (int i = 0; i < 50; i++) {
            waitOf("alice", "10.0.0.1");
        }

        clock.advance(Duration.ofSeconds(1));
        throttle.attempt("alice", "10.0.0.1"); // still only the first wait, not one doubled fifty times
    }

    @Test
    void parallelAttemptsGetNoMoreChecksThanTheLimit() throws Exception {
        int parallel = 64;
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < parallel; i++) {
                Callable<Boolean> attempt = () -> {
                    start.await();
                    try {
                        throttle.attempt("alice", "10.0.0.1");
                        return true;
                    } catch (LoginThrottled throttled) {
                        return false;
                    }
                };
                attempts.add(threads.submit(attempt));
            }
            start.countDown();
            long letThrough = 0;
            for (Future<Boolean> attempt : attempts) {
                letThrough += attempt.get() ? 1 : 0;
            }

            assertThat(letThrough).isEqualTo(3);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aUsernameIsThrottledFromTheAddressThatFailedNotFromAnother() {
        fail("alice", "10.0.0.1", 3);

        assertThat(waitOf("alice", "10.0.0.1").limit()).isEqualTo(LoginThrottle.Limit.USER);
        throttle.attempt("alice", "10.0.0.2").succeeded();
    }

    @Test
    void anAddressIsThrottledForNewUsernamesOnceItFailedForManyAndASuccessDoesNotClearIt() {
        for (int i = 0; i < 4; i++) {
            fail("user-" + i, "10.0.0.1", 1);
        }
        throttle.attempt("mallory", "10.0.0.1").succeeded();
        fail("user-4", "10.0.0.1", 1);

        LoginThrottle.Wait wait = waitOf("someone-new", "10.0.0.1");
        assertThat(wait.limit()).isEqualTo(LoginThrottle.Limit.ADDRESS);
        assertThat(wait.maxAttempts()).isEqualTo(5);
    }

    @Test
    void aUserWhoLoggedInFromAnAddressBeforeIsNotKeptOutByAStrangersGuessesThere() {
        throttle.attempt("bob", "10.0.0.1").succeeded(); // bob, behind the office NAT, yesterday
        for (int i = 0; i < 5; i++) {
            fail("user-" + i, "10.0.0.1", 1); // a guesser behind the same NAT, today
        }
        assertThat(waitOf("someone-new", "10.0.0.1").limit()).isEqualTo(LoginThrottle.Limit.ADDRESS);

        throttle.attempt("bob", "10.0.0.1").succeeded();
    }

    @Test
    void guessesAtOneAccountFromManyAddressesSlowItsLoginsFromNewAddressesOnly() {
        throttle.attempt("alice", "192.0.2.1").succeeded(); // alice's usual address
        for (int i = 0; i < 6; i++) {
            fail("alice", "10.0.0." + i, 1);
        }

        assertThat(waitOf("alice", "10.0.1.1").limit()).isEqualTo(LoginThrottle.Limit.ACCOUNT);
        throttle.attempt("alice", "192.0.2.1").succeeded();
    }

    @Test
    void aSuccessForgetsItsOwnUsernamesAttemptsFromItsAddress() {
        fail("alice", "10.0.0.1", 2);
        throttle.attempt("alice", "10.0.0.1").succeeded();
        fail("alice", "10.0.0.1", 2);

        throttle.attempt("alice", "10.0.0.1");
    }

    @Test
    void anAttemptThatWasNeverCheckedIsTakenBack() {
        for (int i = 0; i < 10; i++) {
            throttle.attempt("alice", "10.0.0.1").unchecked(); // the user store was down
        }

        throttle.attempt("alice", "10.0.0.1");
    }

    @Test
    void ipv6AddressesCountByTheirSlash64() {
        assertThat(ClientAddress.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(ClientAddress.of("2001:db8:1:2::1"))
                .endsWith("/64");
        assertThat(ClientAddress.of("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.of("2001:db8:1:2::1"));
        assertThat(ClientAddress.of("192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void aPolicyWithoutRoomForOneAttemptIsRefused() {
        assertThatThrownBy(() ->
                        new ThrottlePolicy(0, 1, 1, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Attempts whose passwords turn out wrong. */
    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.attempt(username, address);
        }
    }

    private LoginThrottle.Wait waitOf(String username, String address) {
        LoginThrottled throttled =
                catchThrowableOfType(LoginThrottled.class, () -> throttle.attempt(username, address));
        assertThat(throttled).as("%s from %s must wait", username, address).isNotNull();
        return throttled.waitFor();
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
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
