package com.outboxwallet.api.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import com.outboxwallet.api.Browser;
import com.outboxwallet.api.WalletApi;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Password guessing over HTTP against the real Redis, with the production limits (5 attempts per username from an
 * address, 20 per username and 20 per address from addresses it has not logged in from, then 1 s doubling). Each
 * test sends from loopback addresses of its own (127.0.0.x), so the address counters of one test are not another's.
 */
@TestPropertySource(
        properties = {
            "wallet.auth.login-throttle.max-failures-per-user=5",
            "wallet.auth.login-throttle.max-failures-per-account=20",
            "wallet.auth.login-throttle.max-failures-per-address=20"
        })
class LoginThrottleIT extends ApiServiceIntegrationTest {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

    @Autowired
    JsonMapper json;

    @Test
    void twoHundredWrongPasswordsAreThrottledAfterFiveWhileTheRightPasswordFromAnotherAddressStillWorks() {
        Credentials alice = aUser();
        WalletApi guesser = fromAnAddressOfItsOwn();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            statuses.add(guesser.get(withPassword(alice, "guess-" + i), "/api/v1/wallet")
                    .statusCode());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.get(5)).isEqualTo(429);
        assertThat(statuses).containsOnly(401, 429);
        assertThat(statuses.stream().filter(status -> status == 401).count())
                .as("a wrong password checked after each doubling wait only")
                .isLessThanOrEqualTo(8);
        assertThat(fromAnAddressOfItsOwn().get(alice, "/api/v1/wallet").statusCode())
                .isEqualTo(200);
    }

    @Test
    void twoHundredParallelWrongPasswordsGetFivePasswordChecksWhileTheOwnerLogsInFromElsewhere() throws Exception {
        Credentials alice = aUser();
        WalletApi guesser = fromAnAddressOfItsOwn();
        WalletApi owner = fromAnAddressOfItsOwn();
        List<Future<Integer>> guesses = new ArrayList<>();
        List<Integer> ownerStatuses = new ArrayList<>();
        long started = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                String guess = "parallel-guess-" + i;
                guesses.add(clients.submit(() -> guesser.get(withPassword(alice, guess), "/api/v1/wallet")
                        .statusCode()));
                if (i % 50 == 0) {
                    ownerStatuses.add(owner.get(alice, "/api/v1/wallet").statusCode());
                }
            }
        }
        long elapsedSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> guess : guesses) {
            statuses.add(guess.get());
        }

        assertThat(statuses).containsOnly(401, 429);
        // Five, and one more after each doubling wait (1 s, 2 s, 4 s ...) that ended while the burst lasted.
        long allowed = 5 + (64 - Long.numberOfLeadingZeros(elapsedSeconds + 1));
        assertThat(statuses.stream().filter(status -> status == 401).count())
                .as("password checks in a burst of %d s", elapsedSeconds)
                .isGreaterThanOrEqualTo(5)
                .isLessThanOrEqualTo(allowed);
        assertThat(ownerStatuses).containsOnly(200);
    }

    @Test
    void aColleagueWhoLoggedInFromTheGuessersAddressBeforeStillLogsInThere() {
        WalletApi office = fromAnAddressOfItsOwn();
        Credentials bob = aUser();
        assertThat(office.get(bob, "/api/v1/wallet").statusCode()).isEqualTo(200);
        for (int i = 0; i < 20; i++) {
            office.get(new Credentials("stuffed-" + i, "leaked-password", null, null), "/api/v1/wallet");
        }
        assertThat(office.get(aUser(), "/api/v1/wallet").statusCode())
                .as("a username new to the address waits")
                .isEqualTo(429);

        assertThat(office.get(bob, "/api/v1/wallet").statusCode()).isEqualTo(200);
    }

    @Test
    void aThrottledAttemptIsA429WithRetryAfterAndTheRateLimitFields() {
        Credentials alice = aUser();
        WalletApi guesser = fromAnAddressOfItsOwn();
        for (int i = 0; i < 5; i++) {
            guesser.get(withPassword(alice, "guess-" + i), "/api/v1/wallet");
        }

        HttpResponse<String> throttled = guesser.get(withPassword(alice, "guess-5"), "/api/v1/wallet");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(throttled.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/login-throttled");
        assertThat(problem.get("violatedPolicies").get(0).asString()).isEqualTo("login-per-user");
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(throttled.headers().firstValue("RateLimit-Policy")).hasValue("\"login-per-user\";q=5;w=900");
        assertThat(throttled.headers().firstValue("RateLimit")).hasValue("\"login-per-user\";r=0;t=1");
    }

    @Test
    void anUnknownUsernameIsThrottledExactlyAsAKnownOne() {
        Credentials alice = aUser();
        Credentials nobody = new Credentials(
                "nobody-" + UUID.randomUUID().toString().substring(0, 8), "whatever-password", null, null);

        List<Integer> known = sixGuesses(alice);
        List<Integer> unknown = sixGuesses(nobody);

        assertThat(unknown).isEqualTo(known).containsExactly(401, 401, 401, 401, 401, 429);
    }

    @Test
    void twentyFailuresFromOneAddressThrottleEveryUsernameFromItAndASuccessThereDoesNotResetThem() {
        WalletApi address = fromAnAddressOfItsOwn();
        for (int i = 0; i < 19; i++) {
            address.get(new Credentials("someone-" + i, "wrong-password", null, null), "/api/v1/wallet");
        }
        Credentials mallory = aUser(); // an account of the guesser's own, logging in right
        assertThat(address.get(mallory, "/api/v1/wallet").statusCode()).isEqualTo(200);
        assertThat(address.get(new Credentials("someone-19", "wrong-password", null, null), "/api/v1/wallet")
                        .statusCode())
                .isEqualTo(401);

        HttpResponse<String> next = address.get(aUser(), "/api/v1/wallet");

        assertThat(next.statusCode()).isEqualTo(429);
        assertThat(json.readTree(next.body()).get("violatedPolicies").get(0).asString())
                .isEqualTo("login-per-address");
    }

    @Test
    void theLoginFormIsThrottledToo() {
        Credentials alice = aUser();
        Browser browser = new Browser("http://127.0.0.1:" + port, anAddressOfItsOwn());

        List<HttpResponse<String>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(browser.submitLogin(alice.username(), "guess-" + i));
        }

        assertThat(attempts.subList(0, 5))
                .allSatisfy(attempt -> assertThat(
                                attempt.headers().firstValue("Location").orElseThrow())
                        .endsWith("/login?error"));
        HttpResponse<String> throttled = attempts.get(5);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(throttled.body()).contains("Too many failed logins");
    }

    @Test
    void throttledAttemptsAreCounted() {
        Credentials alice = aUser();
        sixGuesses(alice);

        String metrics = api().get(admin(), "/actuator/prometheus").body();

        assertThat(metrics).containsPattern("wallet_auth_login_throttled_total\\{[^}]*limit=\"user\"[^}]*} [1-9]");
    }

    private List<Integer> sixGuesses(Credentials user) {
        WalletApi guesser = fromAnAddressOfItsOwn();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(guesser.get(withPassword(user, "guess-" + i), "/api/v1/wallet")
                    .statusCode());
        }
        return statuses;
    }

    /** A client bound to a loopback address no other test uses. */
    private WalletApi fromAnAddressOfItsOwn() {
        return new WalletApi(
                "http://127.0.0.1:" + port,
                HttpClient.newBuilder().localAddress(anAddressOfItsOwn()).build());
    }

    private static InetAddress anAddressOfItsOwn() {
        try {
            return InetAddress.getByName("127.0.0." + NEXT_ADDRESS.getAndIncrement());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Credentials withPassword(Credentials user, String password) {
        return new Credentials(user.username(), password, user.userId(), user.walletId());
    }
}
