package com.outboxwallet.api.topup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import com.outboxwallet.api.idempotency.IdempotencyGuard;
import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.api.idempotency.IdempotencyScope;
import com.outboxwallet.api.idempotency.Idempotent;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TopUpIT extends ApiServiceIntegrationTest {

    @Autowired
    JsonMapper json;

    @Autowired
    RedissonClient redisson;

    @Autowired
    IdempotencyGuard guard;

    @Test
    void aTopUpCreditsTheCallersWalletAndQueuesOneEvent() {
        Credentials alice = aUser();

        HttpResponse<String> response = api().topUp(alice, anyKey(), "150000.00");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("walletId").asString()).isEqualTo(alice.walletId().toString());
        assertThat(body.get("amount").asString()).isEqualTo("150000.00");
        assertThat(body.get("balance").asString()).isEqualTo("150000.00");
        assertThat(body.get("currency").asString()).isEqualTo("IDR");
        assertThat(response.headers().firstValue("Location"))
                .hasValue("/api/v1/topups/" + body.get("id").asString());
        assertThat(walletBalance(alice)).isEqualTo("150000.00");

        var event = jdbc.sql(
                        "SELECT event_type, sequence, payload::text AS payload FROM outbox WHERE aggregate_id = :w")
                .param("w", alice.walletId())
                .query()
                .singleRow();
        assertThat(event.get("event_type")).isEqualTo("com.outboxwallet.wallet.topup.accepted.v1");
        assertThat(event.get("sequence")).isEqualTo(1L);
        assertThat(json.readTree((String) event.get("payload")).get("amount").asString())
                .isEqualTo("150000.00");
    }

    @Test
    void aKeyOfTheFormSettlementsUseIsRefusedAndWritesNothing() {
        Credentials alice = aUser();

        HttpResponse<String> response = api().topUp(alice, "payment:" + java.util.UUID.randomUUID(), "150000.00");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/idempotency-key-invalid");
        assertThat(problem.get("errors").get(0).get("expected").asString()).contains("payment:");
        assertThat(topUpsOf(alice)).isZero();
    }

    @Test
    void theEventCarriesTheTraceOfTheRequestThatCausedIt() {
        Credentials alice = aUser();
        String callerTrace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        HttpResponse<String> response = api().send(api().request(alice, "/api/v1/topups")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", anyKey())
                .header("traceparent", callerTrace)
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"1.00\"}"))
                .build());

        String served = response.headers().firstValue("traceparent").orElseThrow();
        assertThat(served)
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                .endsWith("-01")
                .isNotEqualTo(callerTrace);
        assertThat(jdbc.sql("SELECT traceparent FROM outbox WHERE aggregate_id = :w")
                        .param("w", alice.walletId())
                        .query(String.class)
                        .single())
                .isEqualTo(served);
    }

    @Test
    void aRequestWithoutATraceStartsOne() {
        Credentials alice = aUser();

        api().topUp(alice, anyKey(), "1.00");

        assertThat(jdbc.sql("SELECT traceparent FROM outbox WHERE aggregate_id = :w")
                        .param("w", alice.walletId())
                        .query(String.class)
                        .single())
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void sameKeyTwiceCreditsOnceAndReplaysTheFirstResponse() {
        Credentials alice = aUser();
        String key = anyKey();

        HttpResponse<String> first = api().topUp(alice, key, "150000.00");
        HttpResponse<String> retry = api().topUp(alice, key, "150000.00");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(walletBalance(alice)).isEqualTo("150000.00");
        assertThat(topUpsOf(alice)).isEqualTo(1);
        assertThat(outboxRowsOf(alice)).isEqualTo(1);
    }

    @Test
    void aRetryAfterRedisLostTheKeyIsAnsweredFromTheDatabaseAndCreditsOnce() {
        Credentials alice = aUser();
        String key = anyKey();
        HttpResponse<String> first = api().topUp(alice, key, "10.00");

        redisson.getKeys().flushall();
        HttpResponse<String> retry = api().topUp(alice, key, "10.00");

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(walletBalance(alice)).isEqualTo("10.00");
        assertThat(topUpsOf(alice)).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherAmountIsRefusedAndChangesNothing() {
        Credentials alice = aUser();
        String key = anyKey();
        api().topUp(alice, key, "10.00");

        HttpResponse<String> reused = api().topUp(alice, key, "99.00");

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(reused.body()).get("type").asString()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(walletBalance(alice)).isEqualTo("10.00");
    }

    @Test
    void theSameAmountWrittenDifferentlyIsTheSameRequest() {
        Credentials alice = aUser();
        String key = anyKey();
        api().topUp(alice, key, "10.00");

        assertThat(api().topUp(alice, key, "10").statusCode()).isEqualTo(201);
        assertThat(walletBalance(alice)).isEqualTo("10.00");
    }

    @Test
    void anotherUserUsingTheSameKeyGetsAnIndependentTopUp() {
        Credentials alice = aUser();
        Credentials bob = aUser();
        String key = anyKey();

        HttpResponse<String> forAlice = api().topUp(alice, key, "10.00");
        HttpResponse<String> forBob = api().topUp(bob, key, "20.00");

        assertThat(forBob.statusCode()).isEqualTo(201);
        assertThat(forBob.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(forBob.body()).isNotEqualTo(forAlice.body());
        assertThat(walletBalance(alice)).isEqualTo("10.00");
        assertThat(walletBalance(bob)).isEqualTo("20.00");
    }

    @Test
    void manyConcurrentTopUpsOfOneWalletAreAllAppliedWithContiguousVersions() throws Exception {
        Credentials alice = aUser();
        int threads = 8;
        int perThread = 15;

        List<Integer> statuses = inParallel(
                threads,
                IntStream.range(0, threads * perThread)
                        .mapToObj(i -> (Callable<Integer>)
                                () -> api().topUp(alice, anyKey(), "1.01").statusCode())
                        .toList());

        assertThat(statuses).containsOnly(201);
        assertThat(new BigDecimal(walletBalance(alice)))
                .isEqualByComparingTo(new BigDecimal("1.01").multiply(BigDecimal.valueOf(threads * perThread)));
        List<Long> versions = jdbc.sql("SELECT wallet_version FROM top_ups WHERE user_id = :u ORDER BY wallet_version")
                .param("u", alice.userId())
                .query(Long.class)
                .list();
        assertThat(versions)
                .isEqualTo(IntStream.rangeClosed(1, threads * perThread)
                        .mapToObj(Long::valueOf)
                        .toList());
        List<Long> sequences = jdbc.sql("SELECT sequence FROM outbox WHERE aggregate_id = :w ORDER BY id")
                .param("w", alice.walletId())
                .query(Long.class)
                .list();
        assertThat(sequences).isEqualTo(versions);
    }

    @Test
    void fiftyParallelDuplicatesOfOneKeyCreditOnceAndTheRestAreConflictsOrReplays() throws Exception {
        Credentials alice = aUser();
        String key = anyKey();

        List<HttpResponse<String>> responses = inParallel(
                50,
                IntStream.range(0, 50)
                        .mapToObj(i -> (Callable<HttpResponse<String>>) () -> api().topUp(alice, key, "5.00"))
                        .toList());

        List<HttpResponse<String>> created =
                responses.stream().filter(r -> r.statusCode() == 201).toList();
        List<HttpResponse<String>> conflicts =
                responses.stream().filter(r -> r.statusCode() == 409).toList();
        assertThat(created.size() + conflicts.size()).isEqualTo(50);
        assertThat(created).isNotEmpty();
        assertThat(created)
                .extracting(HttpResponse::body)
                .containsOnly(created.getFirst().body());
        assertThat(created.stream()
                        .filter(r ->
                                r.headers().firstValue("Idempotent-Replayed").isEmpty()))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(conflicts).allSatisfy(conflict -> {
            assertThat(json.readTree(conflict.body()).get("type").asString()).isEqualTo("/problems/request-in-flight");
            assertThat(conflict.headers().firstValue("Retry-After")).hasValue("1");
        });
        assertThat(walletBalance(alice)).isEqualTo("5.00");
        assertThat(topUpsOf(alice)).isEqualTo(1);
        assertThat(outboxRowsOf(alice)).isEqualTo(1);
    }

    @Test
    void aRetryWhileTheFirstRequestStillRunsIsAConflictAndCreditsNothing() {
        Credentials alice = aUser();
        String key = anyKey();

        HttpResponse<String> retry = sentWhileAFirstRequestRuns(alice, key, "5.00", "5.00");

        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(json.readTree(retry.body()).get("type").asString()).isEqualTo("/problems/request-in-flight");
        assertThat(topUpsOf(alice)).isZero();
        // The failed first request released its claim: the retry after it is applied.
        assertThat(api().topUp(alice, key, "5.00").statusCode()).isEqualTo(201);
        assertThat(walletBalance(alice)).isEqualTo("5.00");
    }

    @Test
    void aDifferentRequestUnderAKeyThatIsStillRunningIsRefusedAsReuse() {
        Credentials alice = aUser();

        HttpResponse<String> other = sentWhileAFirstRequestRuns(alice, anyKey(), "5.00", "6.00");

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json.readTree(other.body()).get("type").asString()).isEqualTo("/problems/idempotency-key-reused");
    }

    /**
     * Holds a first request for {@code firstAmount} inside the idempotency guard, sends a top-up for
     * {@code secondAmount} under the same key over HTTP, then lets the first fail without writing anything.
     */
    private HttpResponse<String> sentWhileAFirstRequestRuns(
            Credentials user, String key, String firstAmount, String secondAmount) {
        IdempotencyScope scope =
                new IdempotencyScope(user.userId(), IdempotentTopUps.OPERATION, new IdempotencyKey(key));
        String fingerprint =
                new TopUpCommand(user.userId(), new IdempotencyKey(key), Amount.parse(firstAmount)).fingerprint();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch secondAnswered = new CountDownLatch(1);
        CompletableFuture<Idempotent<TopUp>> first = CompletableFuture.supplyAsync(() -> guard.execute(
                scope,
                fingerprint,
                TopUp.class,
                () -> {
                    firstRunning.countDown();
                    await(secondAnswered);
                    throw new IllegalStateException("the first request failed");
                },
                Optional::empty));
        await(firstRunning);

        HttpResponse<String> second = api().topUp(user, key, secondAmount);
        secondAnswered.countDown();

        assertThat(first).failsWithin(Duration.ofSeconds(10));
        return second;
    }

    @Test
    void aMissingIdempotencyKeyIsABadRequest() {
        Credentials alice = aUser();

        HttpResponse<String> response = api().topUp(alice, null, "10.00");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/idempotency-key-invalid");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(topUpsOf(alice)).isZero();
    }

    @Test
    void aKeyOf256CharactersIsABadRequestAndWritesNothing() {
        aKeyIsRefused("k".repeat(256));
    }

    @ParameterizedTest
    @ValueSource(strings = {"key\twith-a-tab", " "})
    void aKeyOutsidePrintableAsciiIsABadRequestAndWritesNothing(String key) {
        aKeyIsRefused(key);
    }

    private void aKeyIsRefused(String key) {
        Credentials alice = aUser();

        HttpResponse<String> response = api().topUp(alice, key, "10.00");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("type").asString())
                .isEqualTo("/problems/idempotency-key-invalid");
        assertThat(topUpsOf(alice)).isZero();
    }

    @Test
    void aKeyOf255PrintableCharactersIsAccepted() {
        assertThat(api().topUp(aUser(), "~".repeat(255), "10.00").statusCode()).isEqualTo(201);
    }

    @Test
    void withoutCredentialsTheAnswerIsAnUnauthorizedProblem() {
        HttpResponse<String> response = api().topUp(null, anyKey(), "10.00");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("/problems/unauthorized");
    }

    @Test
    void aUserCannotReadAnotherUsersTopUp() {
        Credentials alice = aUser();
        Credentials bob = aUser();
        String id = json.readTree(api().topUp(alice, anyKey(), "10.00").body())
                .get("id")
                .asString();

        assertThat(api().get(alice, "/api/v1/topups/" + id).statusCode()).isEqualTo(200);
        assertThat(api().get(bob, "/api/v1/topups/" + id).statusCode()).isEqualTo(404);
        assertThat(api().get(bob, "/api/v1/topups/not-a-uuid").statusCode()).isEqualTo(404);
    }

    @Test
    void theTopUpListShowsOnlyTheCallersOwnTopUpsNewestFirst() {
        Credentials alice = aUser();
        Credentials bob = aUser();
        api().topUp(alice, anyKey(), "1.00");
        api().topUp(alice, anyKey(), "2.00");
        api().topUp(bob, anyKey(), "3.00");

        JsonNode page =
                json.readTree(api().get(alice, "/api/v1/topups?page=0&size=10").body());

        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        assertThat(page.get("content")
                        .valueStream()
                        .map(t -> t.get("amount").asString())
                        .toList())
                .containsExactly("2.00", "1.00");
        assertThat(api().get(alice, "/api/v1/topups?size=1000").statusCode()).isEqualTo(400);
        assertThat(api().get(alice, "/api/v1/topups?page=1000").statusCode()).isEqualTo(200);
        assertThat(api().get(alice, "/api/v1/topups?page=1001").statusCode())
                .as("past Paging.LAST_PAGE")
                .isEqualTo(400);
    }

    @Test
    void aTopUpAboveTheMaximumIsRefusedAndWritesNothing() {
        Credentials alice = aUser();

        HttpResponse<String> response = api().topUp(alice, anyKey(), "1000000.01");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("amount");
        assertThat(problem.get("errors").get(0).get("expected").asString()).isEqualTo("at most 1000000.00");
        assertThat(topUpsOf(alice)).isZero();
        assertThat(api().topUp(alice, anyKey(), "1000000.00").statusCode()).isEqualTo(201);
    }

    @Test
    void aTopUpThatWouldPassTheBalanceCeilingIsRefusedAndWritesNothing() {
        Credentials alice = aUser();
        givenBalance(alice, "99999990.00");

        HttpResponse<String> response = api().topUp(alice, anyKey(), "10.00");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("type").asString())
                .isEqualTo("/problems/balance-ceiling-exceeded");
        assertThat(walletBalance(alice)).isEqualTo("99999990.00");
        assertThat(topUpsOf(alice)).isZero();
        assertThat(outboxRowsOf(alice)).isZero();
        assertThat(api().topUp(alice, anyKey(), "9.99").statusCode()).isEqualTo(201);
        assertThat(walletBalance(alice)).isEqualTo("99999999.99");
    }

    @Test
    void aRetryOfTheTopUpThatFilledTheWalletIsStillAReplayNotACeilingError() {
        Credentials alice = aUser();
        givenBalance(alice, "99999990.00");
        String key = anyKey();
        HttpResponse<String> first = api().topUp(alice, key, "9.99");

        redisson.getKeys().flushall();
        HttpResponse<String> retry = api().topUp(alice, key, "9.99");

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(topUpsOf(alice)).isEqualTo(1);
    }

    private void givenBalance(Credentials user, String balance) {
        jdbc.sql("UPDATE wallets SET balance = :b WHERE id = :w")
                .param("b", new BigDecimal(balance))
                .param("w", user.walletId())
                .update();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the other request");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String walletBalance(Credentials user) {
        HttpResponse<String> wallet = api().get(user, "/api/v1/wallet");
        assertThat(wallet.statusCode()).isEqualTo(200);
        return json.readTree(wallet.body()).get("balance").asString();
    }

    private static <T> List<T> inParallel(int threads, List<Callable<T>> tasks) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        }
    }

    @Test
    void theDatabaseRefusesATopUpOfSomeoneElsesWallet() {
        Credentials alice = aUser();
        Credentials bob = aUser();

        assertThatThrownBy(() -> jdbc.sql("""
                                INSERT INTO top_ups (id, user_id, wallet_id, idempotency_key, request_fingerprint, amount,
                                                     currency, balance_after, wallet_version, created_at)
                                VALUES (gen_random_uuid(), :user, :wallet, 'k', repeat('0', 64), 1.00, 'IDR', 1.00, 1,
                                        now())""")
                        .param("user", alice.userId())
                        .param("wallet", bob.walletId())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("top_ups_wallet_owner_fk");
        assertThat(topUpsOf(alice) + topUpsOf(bob)).isZero();
    }
}
