package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.api.idempotency.IdempotencyGuard;
import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.api.idempotency.IdempotencyScope;
import com.outboxwallet.api.idempotency.Idempotent;
import com.outboxwallet.api.topup.Amount;
import com.outboxwallet.api.topup.TopUp;
import com.outboxwallet.api.topup.TopUpCommand;
import com.outboxwallet.infra.EmbeddedRedisServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Redis at its maxmemory, on the real embedded Redis, with the policy it runs with everywhere (volatile-lru): the
 * oldest keys with a TTL make room, which are old replay results, while a wallet lock in use, taken after them, stays;
 * and every key the api-service writes has a TTL, or volatile-lru could not evict it.
 *
 * <p>The wallet lock is the redisson-lock strategy's own, held by a real top-up: the test locks the wallet's row in
 * PostgreSQL, so the top-up, having taken its Redis lock, waits inside its transaction until the test lets it go. The
 * lease is long, so that only an eviction, never the lease, could take the lock away while the test fills Redis.
 */
@TestPropertySource(
        properties = {
            "wallet.concurrency.strategy=redisson-lock",
            "wallet.concurrency.lock.lease-time=2m",
            "wallet.redis.info-interval=200ms"
        })
class RedisAtItsMemoryLimitIT extends ApiServiceIntegrationTest {

    /** How far above its current use the test sets Redis's limit. */
    private static final long HEADROOM = 256 * 1024;
    /** Results kept before the lock is taken: twice the evictions needed, so that none falls on the lock. */
    private static final int OLD_RESULTS = 3000;
    /** Results kept after the limit is set: about 1 MB, four times the headroom. */
    private static final int NEW_RESULTS = 1500;
    /** What a write may take past the limit before Redis evicts again: one command, its buffers. */
    private static final long OVERSHOOT = 64 * 1024;

    @Autowired
    RedissonClient redisson;

    @Autowired
    IdempotencyGuard guard;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSource dataSource;

    private RedisNode redis;
    private String maxMemoryBefore;

    @BeforeEach
    void rememberTheLimit() {
        redis = redisson.getRedisNodes(RedisNodes.SINGLE).getInstance();
        maxMemoryBefore = redis.getConfig("maxmemory").get("maxmemory");
    }

    @AfterEach
    void restoreTheLimit() {
        redis.setConfig("maxmemory", maxMemoryBefore);
    }

    @Test
    void oldReplayResultsAreEvictedWhileAWalletLockInUseStaysAndTopUpsGoOn() throws Exception {
        assertThat(redis.getConfig("maxmemory-policy")).containsEntry("maxmemory-policy", "volatile-lru");
        assertThat(Long.parseLong(maxMemoryBefore)).isEqualTo(EmbeddedRedisServer.MAX_MEMORY_BYTES);
        Credentials alice = aUser();
        String firstKey = anyKey();
        HttpResponse<String> first = api().topUp(alice, firstKey, "100.00");
        assertThat(first.statusCode()).isEqualTo(201);

        UUID resultsOwner = UUID.randomUUID();
        String newestOld = keepResults(resultsOwner, OLD_RESULTS);
        assertThat(redisson.getBucket(newestOld).sizeInMemory())
                .as("one replay result, key and overhead included, in bytes (docs/runbook.md sizes Redis by it)")
                .isBetween(500L, 1000L);
        // Redis's LRU clock counts seconds: once the newest old result has been idle for two, a key used from now on
        // is younger than every one of them.
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> redisson.getBucket(newestOld).getIdleTime(), idle -> idle >= 2);

        Credentials bob = aUser();
        try (HeldLock held = topUpHoldingItsWalletLock(bob)) {
            long evictedBefore = evictedKeys();
            double countedBefore =
                    meters.get("wallet.redis.evicted.keys").functionCounter().count();
            long limit = usedMemory() + HEADROOM;
            redis.setConfig("maxmemory", Long.toString(limit));

            keepResults(resultsOwner, NEW_RESULTS);

            long evicted = evictedKeys() - evictedBefore;
            assertThat(evicted).as("keys Redis evicted").isPositive();
            assertThat(usedMemory()).as("Redis's memory against its limit").isLessThanOrEqualTo(limit + OVERSHOOT);
            assertThat(held.lock().isLocked()).as("the wallet lock in use").isTrue();
            assertThat(held.lock().remainTimeToLive())
                    .as("the wallet lock's lease")
                    .isPositive();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                double counted = meters.get("wallet.redis.evicted.keys")
                                .functionCounter()
                                .count()
                        - countedBefore;
                // Read after the metric's own last read: a command may still evict a few keys as Redis settles.
                long evictedSince = evictedKeys() - evictedBefore;
                assertThat(counted).as("evictions the metric counted").isBetween((double) evicted, (double)
                        evictedSince);
                assertThat(meters.get("wallet.redis.memory.max").gauge().value())
                        .as("maxmemory the metric read")
                        .isEqualTo(limit);
                assertThat(meters.get("wallet.redis.memory.used").gauge().value())
                        .as("used memory the metric read")
                        .isBetween(1.0, (double) limit + OVERSHOOT);
            });

            HttpResponse<String> another = api().topUp(alice, anyKey(), "5.00");
            HttpResponse<String> retry = api().topUp(alice, firstKey, "100.00");
            assertThat(another.statusCode()).isEqualTo(201);
            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat(retry.body())
                    .as("the first answer, from Redis or the database")
                    .isEqualTo(first.body());
            assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(topUpsOf(alice)).isEqualTo(2);
        }
        assertThat(topUpsOf(bob)).as("the top-up that held the lock, committed").isEqualTo(1);
    }

    @Test
    void everyKeyTheApiWritesExpires() throws Exception {
        Set<String> before = allKeys();
        Credentials carol = aUser();
        assertThat(api().get(new Credentials(carol.username(), "a-wrong-password", null, null), "/api/v1/wallet")
                        .statusCode())
                .isEqualTo(401);

        Map<String, Long> ttls = new HashMap<>();
        try (HeldLock held = topUpHoldingItsWalletLock(carol)) {
            ttls.putAll(ttlsOfKeysNotIn(before));
        }
        ttls.putAll(ttlsOfKeysNotIn(before));

        assertThat(ttls.keySet())
                .as("keys of the idempotency guard, the rate limiter, the login throttle and the wallet lock")
                .anyMatch(key -> key.startsWith("idempotency:"))
                .anyMatch(key -> key.startsWith("rate-limit:"))
                .anyMatch(key -> key.startsWith("login-throttle:"))
                .anyMatch(key -> key.startsWith("wallet-lock:"));
        assertThat(ttls)
                .as("milliseconds each key has left (-1: none)")
                .allSatisfy((key, ttl) -> assertThat(ttl).as(key).isPositive());
    }

    /** Keeps that many top-up results through the guard, as a first request would; returns the last one's key. */
    private String keepResults(UUID userId, int count) {
        UUID walletId = UUID.randomUUID();
        BigDecimal amount = new BigDecimal("150000.00");
        String last = null;
        for (int i = 1; i <= count; i++) {
            IdempotencyKey key = new IdempotencyKey(anyKey());
            TopUpCommand command = new TopUpCommand(userId, key, Amount.parse(amount.toPlainString()));
            TopUp topUp = new TopUp(
                    UUID.randomUUID(),
                    userId,
                    walletId,
                    key.value(),
                    command.fingerprint(),
                    amount,
                    "IDR",
                    amount.multiply(BigDecimal.valueOf(i)),
                    i,
                    Instant.now(),
                    null);
            Idempotent<TopUp> kept = guard.execute(
                    new IdempotencyScope(userId, "top-up", key),
                    command.fingerprint(),
                    TopUp.class,
                    () -> new Idempotent<>(topUp, false),
                    Optional::empty);
            assertThat(kept.replayed()).as("a new key runs").isFalse();
            last = key.value();
        }
        return redisson.getKeys().getKeysByPattern("*" + last).iterator().next();
    }

    /**
     * A top-up of the user's through the redisson-lock strategy, holding the user's wallet lock while its transaction
     * waits for the wallet's row, which the test holds locked until it closes this (then the top-up must commit).
     */
    private HeldLock topUpHoldingItsWalletLock(Credentials user) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("SELECT 1 FROM wallets WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, user.walletId());
            lock.executeQuery().close();
        }
        CompletableFuture<HttpResponse<String>> topUp =
                CompletableFuture.supplyAsync(() -> api().topUp(user, anyKey(), "50.00"));
        // The name RedissonLockCredit gives a wallet's lock.
        RLock walletLock = redisson.getLock("wallet-lock:v1:" + user.userId());
        await().atMost(Duration.ofSeconds(10)).until(walletLock::isLocked);
        return new HeldLock(connection, topUp, walletLock);
    }

    private record HeldLock(Connection rowLock, CompletableFuture<HttpResponse<String>> topUp, RLock lock)
            implements AutoCloseable {

        @Override
        public void close() throws Exception {
            rowLock.rollback();
            rowLock.close();
            assertThat(topUp.get(30, TimeUnit.SECONDS).statusCode())
                    .as("the top-up that held the lock")
                    .isEqualTo(201);
            assertThat(lock.isLocked()).as("the lock, released by its holder").isFalse();
        }
    }

    private Set<String> allKeys() {
        Set<String> keys = new HashSet<>();
        redisson.getKeys().getKeys().forEach(keys::add);
        return keys;
    }

    /** Keys that vanished between the listing and the question (-2) are left out. */
    private Map<String, Long> ttlsOfKeysNotIn(Set<String> before) {
        Map<String, Long> ttls = new HashMap<>();
        for (String key : allKeys()) {
            long ttl = redisson.getKeys().remainTimeToLive(key);
            if (!before.contains(key) && ttl != -2) {
                ttls.put(key, ttl);
            }
        }
        return ttls;
    }

    private long usedMemory() {
        return Long.parseLong(redis.info(RedisNode.InfoSection.MEMORY).get("used_memory"));
    }

    private long evictedKeys() {
        return Long.parseLong(redis.info(RedisNode.InfoSection.STATS).get("evicted_keys"));
    }
}
