package com.outboxwallet.api.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.infra.EmbeddedRedisServer;
import com.outboxwallet.infra.FreePorts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;

/**
 * The Redis metrics against a Redis of the test's own, which it fills, kills and starts again: what they read, that a
 * failed read keeps the last values, and that the eviction counter carries on across a Redis restart.
 */
class RedisMemoryMetricsIT {

    private final int port = FreePorts.free();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private EmbeddedRedisServer server;
    private RedissonClient redisson;
    private RedisMemoryMetrics metrics;

    @BeforeEach
    void start() {
        server = EmbeddedRedisServer.start(port);
        RedisProperties properties =
                new RedisProperties(URI.create(server.url()), "", Duration.ofMillis(300), Duration.ofHours(1));
        redisson = new RedissonConfiguration().redissonClient(properties);
        metrics = new RedisMemoryMetrics(redisson, properties, meters);
    }

    @AfterEach
    void stop() {
        redisson.shutdown();
        server.close();
    }

    @Test
    void theMetricsAreUnknownUntilRedisIsReadThenSayWhatItsInfoSays() {
        assertThat(used()).isNaN();
        assertThat(max()).isNaN();
        assertThat(evictions()).isZero();

        metrics.read();

        assertThat(max()).isEqualTo(EmbeddedRedisServer.MAX_MEMORY_BYTES);
        assertThat(used()).isPositive().isLessThan(max());
        assertThat(evictions()).as("none yet").isZero();
    }

    @Test
    void aFailedReadKeepsTheLastValuesAndThrowsNothing() {
        metrics.read();
        long evicted = fillPastTheLimit();
        metrics.read();
        double used = used();
        double max = max();
        assertThat(evictions()).isEqualTo(evicted);

        server.kill();

        assertThatCode(metrics::read).doesNotThrowAnyException();
        assertThat(used()).isEqualTo(used);
        assertThat(max()).isEqualTo(max);
        assertThat(evictions()).isEqualTo(evicted);
    }

    @Test
    void evictionsAreCountedFromTheFirstReadAndOnAcrossARestartOfRedis() {
        fillPastTheLimit();
        metrics.read();
        assertThat(evictions())
                .as("evictions before the first read are Redis's past")
                .isZero();

        long later = fillPastTheLimit();
        metrics.read();
        assertThat(evictions()).isEqualTo(later);

        long evictedKeysBeforeRestart = evictedKeys();
        server.kill();
        server = EmbeddedRedisServer.start(port);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> redis().ping());
        long afterRestart = fillPastTheLimit();
        assertThat(evictedKeys())
                .as("Redis's own count, from 0 again after its restart")
                .isEqualTo(afterRestart)
                .isLessThan(evictedKeysBeforeRestart);
        metrics.read();
        assertThat(evictions()).isEqualTo(later + afterRestart);
    }

    /**
     * Lowers the limit to 1 MiB above what Redis holds and writes 3 MiB past it, as keys with a TTL; returns how many
     * keys Redis evicted for it. The margin is wide because only keys with a TTL can be evicted: memory Redis spends
     * elsewhere meanwhile (the buffers of a client that reconnects after a restart) would otherwise leave nothing to
     * evict and refuse the write.
     */
    private long fillPastTheLimit() {
        RedisNode redis = redis();
        long before = evictedKeys();
        long used = Long.parseLong(redis.info(RedisNode.InfoSection.MEMORY).get("used_memory"));
        redis.setConfig("maxmemory", Long.toString(used + 1024 * 1024));
        try {
            String value = "x".repeat(16 * 1024);
            for (int i = 0; i < 256; i++) {
                redisson.getBucket("filler:" + i + ":" + System.nanoTime()).set(value, Duration.ofHours(1));
            }
            long evicted = evictedKeys() - before;
            assertThat(evicted).as("keys evicted to make room").isPositive();
            return evicted;
        } finally {
            redis.setConfig("maxmemory", Long.toString(EmbeddedRedisServer.MAX_MEMORY_BYTES));
        }
    }

    private RedisNode redis() {
        return redisson.getRedisNodes(RedisNodes.SINGLE).getInstance();
    }

    private long evictedKeys() {
        return Long.parseLong(redis().info(RedisNode.InfoSection.STATS).get("evicted_keys"));
    }

    private double used() {
        return meters.get("wallet.redis.memory.used").gauge().value();
    }

    private double max() {
        return meters.get("wallet.redis.memory.max").gauge().value();
    }

    private double evictions() {
        return meters.get("wallet.redis.evicted.keys").functionCounter().count();
    }
}
