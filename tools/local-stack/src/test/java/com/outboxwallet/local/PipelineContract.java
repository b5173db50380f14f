package com.outboxwallet.local;

import static com.outboxwallet.local.PipelineHttp.ADMIN;
import static com.outboxwallet.local.PipelineHttp.ADMIN_PASSWORD;
import static com.outboxwallet.local.PipelineHttp.get;
import static com.outboxwallet.local.PipelineHttp.post;
import static com.outboxwallet.local.PipelineHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The promise, end to end and black box: every accepted top-up changes the balance exactly once and appears exactly
 * once in the ledger, whatever retries and duplicates the clients send. Subclasses say where the infrastructure is.
 */
abstract class PipelineContract {

    private final JsonMapper json = JsonMapper.builder().build();

    abstract LocalPipeline pipeline();

    record User(String username, String password, String walletId) {}

    /** What the API said it accepted: top-up id to amount, per wallet. */
    private final Map<String, Map<String, BigDecimal>> accepted = new ConcurrentHashMap<>();

    @Test
    void everyAcceptedTopUpChangesTheBalanceOnceAndReachesTheLedgerOnce() throws Exception {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            users.add(aNewUser());
        }
        User retrier = users.getFirst();

        List<Callable<Void>> clients = new ArrayList<>();
        for (User user : users) {
            clients.add(() -> {
                for (int n = 0; n < 12; n++) {
                    topUp(user, "e2e-" + UUID.randomUUID(), randomAmount());
                }
                return null;
            });
        }
        // The same key sent again, and raced against itself: one top-up between them.
        String retriedKey = "e2e-retried-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            clients.add(() -> {
                topUp(retrier, retriedKey, "250.00");
                topUp(retrier, retriedKey, "250.00");
                return null;
            });
        }
        inParallel(clients);

        for (User user : users) {
            Map<String, BigDecimal> topUps = accepted.get(user.walletId());
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> auditLog(user).size() >= topUps.size());

            List<JsonNode> audit = auditLog(user);
            List<String> auditedIds =
                    audit.stream().map(row -> row.get("topUpId").asString()).toList();
            assertThat(auditedIds)
                    .as("one audit row per accepted top-up, no duplicates")
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(topUps.keySet());
            BigDecimal sum = topUps.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(new BigDecimal(wallet(user).get("balance").asString()))
                    .as("balance of " + user.username())
                    .isEqualByComparingTo(sum);
            for (JsonNode row : audit) {
                assertThat(new BigDecimal(row.get("amount").asString()))
                        .isEqualByComparingTo(topUps.get(row.get("topUpId").asString()));
            }
        }
        assertThat(accepted.get(retrier.walletId()).values())
                .filteredOn(a -> a.compareTo(new BigDecimal("250.00")) == 0)
                .as("the retried key credited once")
                .hasSize(1);
    }

    User aNewUser() throws IOException, InterruptedException {
        PipelineHttp.NewUser created = PipelineHttp.aNewUser(apiUrl("/api/v1/admin/users"), "e2e");
        String walletId = json.readTree(created.created()).get("walletId").asString();
        accepted.put(walletId, new ConcurrentHashMap<>());
        return new User(created.username(), created.password(), walletId);
    }

    /** As a client should: a 409 "still running" for a raced duplicate is retried until the first one answered. */
    HttpResponse<String> topUp(User user, String key, String amount) {
        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    answer.set(send(post(
                            apiUrl("/api/v1/topups"),
                            user.username(),
                            user.password(),
                            key,
                            "{\"amount\":\"" + amount + "\"}")));
                    return answer.get().statusCode() != 409;
                });
        HttpResponse<String> response = answer.get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode topUp = json.readTree(response.body());
        assertThat(topUp.get("walletId").asString()).isEqualTo(user.walletId());
        accepted.get(user.walletId())
                .put(
                        topUp.get("id").asString(),
                        new BigDecimal(topUp.get("amount").asString()));
        return response;
    }

    private JsonNode wallet(User user) throws IOException, InterruptedException {
        HttpResponse<String> response = send(get(apiUrl("/api/v1/wallet"), user.username(), user.password()));
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private List<JsonNode> auditLog(User user) throws IOException, InterruptedException {
        HttpResponse<String> response = send(get(
                URI.create("http://localhost:" + pipeline().ledgerPort() + "/api/v1/ledger/wallets/" + user.walletId()
                        + "/audit-log?size=500"),
                ADMIN,
                ADMIN_PASSWORD));
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).get("content").valueStream().toList();
    }

    private static String randomAmount() {
        long cents = ThreadLocalRandom.current().nextLong(1, 10_000_000);
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private URI apiUrl(String path) {
        return URI.create("http://localhost:" + pipeline().apiPort() + path);
    }

    private static void inParallel(List<Callable<Void>> tasks) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
            Set<Throwable> failures = new HashSet<>();
            for (Future<Void> future : pool.invokeAll(tasks)) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(failures).as("client failures").isEmpty();
        }
    }
}
