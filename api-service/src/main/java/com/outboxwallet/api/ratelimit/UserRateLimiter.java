package com.outboxwallet.api.ratelimit;

import com.outboxwallet.api.redis.RedisFallbacks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.LongCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A sliding window of {@code requests} per {@code window} per user, shared by every api-service instance: one Lua
 * script, run in Redis through Redisson, drops the permits that left the window, takes one if there is room, and
 * answers with the permits left or, when refused, how long until the oldest frees. One round trip per request; Redis
 * runs a script atomically, so concurrent requests of a user on any instance never take more than the limit. A user's
 * window is a sorted set of permits scored by when they were taken, on Redis's own clock, and expires with its last
 * permit. When Redis is unreachable requests are let through: the limit protects capacity, it guards no invariant.
 */
@Component
public class UserRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(UserRateLimiter.class);
    /** KEYS[1]: the user's window. ARGV: the limit, the window in ms, a name for this permit. */
    private static final String TAKE_A_PERMIT = """
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local limit = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            local taken = redis.call('ZCARD', KEYS[1])
            if taken < limit then
              redis.call('ZADD', KEYS[1], now, ARGV[3])
              redis.call('PEXPIRE', KEYS[1], window)
              return {1, limit - taken - 1, 0}
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return {0, 0, tonumber(oldest[2]) + window - now}""";

    private final RedisFallbacks fallbacks;
    private final RedissonClient redisson;
    private final RateLimitProperties properties;
    private final Counter refused;

    UserRateLimiter(
            RedissonClient redisson, RateLimitProperties properties, RedisFallbacks fallbacks, MeterRegistry meters) {
        this.fallbacks = fallbacks;
        this.refused = Counter.builder("wallet.rate.limited")
                .description("Requests refused with 429 because their user passed the rate limit")
                .register(meters);
        this.redisson = redisson;
        this.properties = properties;
    }

    public RateLimitDecision tryAcquire(UUID userId) {
        long limit = properties.requests();
        Duration window = properties.window();
        if (!properties.enabled()) {
            return RateLimitDecision.unlimited(limit, window.toSeconds());
        }
        return tryAcquire(userId.toString(), limit, window);
    }

    /**
     * The same sliding window for any subject that is not a user: the payment provider's webhook counts per client
     * address. Off with the per-user limit ({@code wallet.rate-limit.enabled}) only for users.
     *
     * @param subject what is counted, unique among everything counted ({@code webhook:203.0.113.7})
     */
    public RateLimitDecision tryAcquire(String subject, long limit, Duration window) {
        // The rate is part of the name: a changed configuration starts fresh windows instead of reading old ones.
        String name = "rate-limit:v2:{" + subject + "}:" + limit + ":" + window.toMillis();
        try {
            List<Long> answer = redisson.getScript(LongCodec.INSTANCE)
                    .eval(
                            RScript.Mode.READ_WRITE,
                            TAKE_A_PERMIT,
                            RScript.ReturnType.LIST,
                            List.of(name),
                            limit,
                            window.toMillis(),
                            UUID.randomUUID().toString());
            boolean allowed = answer.get(0) == 1;
            if (!allowed) {
                refused.increment();
            }
            long waitMillis = Math.min(window.toMillis(), answer.get(2));
            return new RateLimitDecision(
                    allowed,
                    limit,
                    window.toSeconds(),
                    answer.get(1),
                    allowed ? 0 : Math.max(1, (waitMillis + 999) / 1000));
        } catch (RedisException e) {
            log.warn("Redis unavailable, request not rate limited: {}", e.getMessage());
            fallbacks.wentOnWithout(RedisFallbacks.Use.RATE_LIMIT);
            return RateLimitDecision.unlimited(limit, window.toSeconds());
        }
    }
}
