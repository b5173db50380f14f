package com.outboxwallet.api.ratelimit;

import org.redisson.api.RRateLimiter;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.ByteArrayCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * One Redisson {@link RRateLimiter} per user, shared by every api-service instance: a sliding window of
 * {@code requests} per {@code window}. Limiters of idle users expire from Redis after two windows. When Redis is
 * unreachable requests are let through: the limit protects capacity, it guards no invariant.
 */
@Component
public class UserRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(UserRateLimiter.class);

    private final RedissonClient redisson;
    private final RateLimitProperties properties;
    private final Clock clock;

    UserRateLimiter(RedissonClient redisson, RateLimitProperties properties, Clock clock) {
        this.redisson = redisson;
        this.properties = properties;
        this.clock = clock;
    }

    public RateLimitDecision tryAcquire(UUID userId) {
        long limit = properties.requests();
        Duration window = properties.window();
        if (!properties.enabled()) {
            return RateLimitDecision.unlimited(limit, window.toSeconds());
        }
        // The rate is part of the name: a changed configuration starts fresh limiters instead of keeping old ones.
        String name = "rate-limit:v1:{" + userId + "}:" + limit + ":" + window.toMillis();
        try {
            RRateLimiter limiter = redisson.getRateLimiter(name);
            boolean allowed = tryAcquire(limiter, limit, window);
            long remaining = Math.max(0, limiter.availablePermits());
            long wait = allowed ? 0 : secondsUntilAPermitFrees(name, window);
            return new RateLimitDecision(allowed, limit, window.toSeconds(), remaining, wait);
        } catch (RedisException e) {
            log.warn("Redis unavailable, request not rate limited: {}", e.getMessage());
            return RateLimitDecision.unlimited(limit, window.toSeconds());
        }
    }

    /**
     * The limiter's settings expire with it after an idle user's two windows; only then is it set up again, so a busy
     * user's request costs two Redis round trips (acquire, remaining), not three.
     */
    private static boolean tryAcquire(RRateLimiter limiter, long limit, Duration window) {
        try {
            return limiter.tryAcquire();
        } catch (RedisException notInitialized) {
            limiter.trySetRate(RateType.OVERALL, limit, window, window.multipliedBy(2));
            return limiter.tryAcquire();
        }
    }

    /**
     * A permit comes back one window after it was taken. Redisson keeps taken permits in a sorted set scored by the
     * time they were taken; it has no public call for this, so when the set is not where expected the whole window
     * is the answer, which is never too early.
     */
    private long secondsUntilAPermitFrees(String name, Duration window) {
        RScoredSortedSet<byte[]> permits = redisson.getScoredSortedSet(name + ":permits", ByteArrayCodec.INSTANCE);
        Double oldest = permits.firstScore();
        long waitMillis = oldest == null
                ? window.toMillis()
                : Math.min(window.toMillis(), oldest.longValue() + window.toMillis() - clock.millis());
        return Math.max(1, (waitMillis + 999) / 1000);
    }
}
