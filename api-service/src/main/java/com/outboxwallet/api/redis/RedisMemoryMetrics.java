package com.outboxwallet.api.redis;

import com.outboxwallet.api.scheduling.RepeatingWork;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Redis's memory and evictions as the api-service's meters, so that Prometheus sees Redis fill up and evict without an
 * exporter of its own: {@code wallet_redis_memory_used_bytes} (INFO's {@code used_memory}),
 * {@code wallet_redis_memory_max_bytes} ({@code maxmemory}; 0 is no limit) and {@code wallet_redis_evicted_keys_total}.
 *
 * <p>INFO is read every {@code wallet.redis.info-interval} on a thread of its own, never on the scrape's: a scrape must
 * not wait on Redis's timeouts, nor fail because Redis is down. A read that fails keeps the last values (the gauges are
 * NaN until a first read succeeds: unknown, not zero).
 *
 * <p>The counter counts the evictions this instance saw Redis make, from its first read on, rather than exposing
 * Redis's {@code evicted_keys} as it is: that one counts from Redis's start, so an instance starting next to a Redis
 * that evicted before would seem to see all those evictions at once. When {@code evicted_keys} goes down, Redis was
 * restarted (or its statistics reset) and counts from 0 again; a restarted Redis is empty and takes far longer than
 * one interval to fill, so a drop is never hidden by evictions made since. Every instance reads the same Redis: the
 * alerts take the largest over instances, never the sum.
 */
@Component
class RedisMemoryMetrics extends RepeatingWork {

    private static final Logger log = LoggerFactory.getLogger(RedisMemoryMetrics.class);

    private final RedissonClient redisson;
    private final AtomicLong evictionsSeen = new AtomicLong();
    private volatile double usedBytes = Double.NaN;
    private volatile double maxBytes = Double.NaN;
    /** Redis's evicted_keys at the last read; only the reading thread uses it. */
    private long lastEvictedKeys = -1;

    private boolean failing;

    RedisMemoryMetrics(RedissonClient redisson, RedisProperties properties, MeterRegistry meters) {
        super("redis-info", Duration.ZERO, properties.infoInterval());
        this.redisson = redisson;
        Gauge.builder("wallet.redis.memory.used", this, metrics -> metrics.usedBytes)
                .description("Memory Redis's data takes (INFO used_memory)")
                .baseUnit(BaseUnits.BYTES)
                .register(meters);
        Gauge.builder("wallet.redis.memory.max", this, metrics -> metrics.maxBytes)
                .description("Redis's maxmemory, past which it evicts keys with a TTL; 0 is no limit")
                .baseUnit(BaseUnits.BYTES)
                .register(meters);
        FunctionCounter.builder("wallet.redis.evicted.keys", evictionsSeen, AtomicLong::doubleValue)
                .description("Keys Redis evicted to stay within maxmemory, seen by this instance")
                .register(meters);
    }

    @Override
    protected void runOnce() {
        read();
    }

    /** One INFO memory and one INFO stats; whatever fails (Redis down, not connected yet), the meters stay as they were. */
    void read() {
        try {
            // The client is configured for one server (RedissonConfiguration), so the single node is Redis.
            RedisNode redis = redisson.getRedisNodes(RedisNodes.SINGLE).getInstance();
            Map<String, String> memory = redis.info(RedisNode.InfoSection.MEMORY);
            long used = number(memory, "used_memory");
            long max = number(memory, "maxmemory");
            long evicted = number(redis.info(RedisNode.InfoSection.STATS), "evicted_keys");
            if (lastEvictedKeys >= 0) {
                evictionsSeen.addAndGet(evicted >= lastEvictedKeys ? evicted - lastEvictedKeys : evicted);
            }
            lastEvictedKeys = evicted;
            usedBytes = used;
            maxBytes = max;
            if (failing) {
                log.info("Redis's memory and evictions are read again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // Whatever the client throws, this thread must go on: an exception would end the schedule for good.
            if (!failing) {
                log.warn(
                        "Redis's memory and evictions cannot be read; the metrics keep their last values: {}",
                        e.toString());
                failing = true;
            }
        }
    }

    private static long number(Map<String, String> info, String field) {
        String value = info.get(field);
        if (value == null) {
            throw new IllegalStateException("Redis's INFO has no " + field);
        }
        return Long.parseLong(value.strip());
    }
}
