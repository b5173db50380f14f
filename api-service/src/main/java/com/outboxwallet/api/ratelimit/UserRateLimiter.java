package com.outboxwallet.api.ratelimit;

import com.outboxwallet.api.redis.RedisFallbacks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.LongCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A sliding window of {@code requests} per {@code window} per user, shared by every api-service instance: one Lua
 * script ({@link SlidingWindow}), run in Redis through Redisson, takes a permit if there is room and answers with the
 * permits left or, when refused, how long until the oldest frees. A request that makes an idempotency claim has its
 * permit taken in the claim's script instead ({@link #defer}): one round trip for both. When Redis is unreachable
 * requests are let through: the limit protects capacity, it guards no invariant.
 */
@Component
public class UserRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(UserRateLimiter.class);
    /** KEYS[1]: the window. ARGV: the limit, the window in ms, a name for this permit. */
    private static final String TAKE_A_PERMIT = SlidingWindow.TAKE_PERMIT_FUNCTION
            + "return take_permit(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3])";

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
     * The user's permit for this request, to be taken by the script of its idempotency claim; empty when users are
     * not limited.
     *
     * @param onDecision hears the decision once the permit is taken (or Redis failed); not when taken alone
     */
    public Optional<DeferredPermit> defer(UUID userId, Consumer<RateLimitDecision> onDecision) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        return Optional.of(new DeferredPermit(
                this,
                windowKey(userId.toString(), properties.requests(), properties.window()),
                properties.requests(),
                properties.window(),
                UUID.randomUUID().toString(),
                onDecision));
    }

    /**
     * The same sliding window for any subject that is not a user: the payment provider's webhook counts per client
     * address. Off with the per-user limit ({@code wallet.rate-limit.enabled}) only for users.
     *
     * @param subject what is counted, unique among everything counted ({@code webhook:203.0.113.7})
     */
    public RateLimitDecision tryAcquire(String subject, long limit, Duration window) {
        List<Long> answer = take(
                windowKey(subject, limit, window),
                limit,
                window,
                UUID.randomUUID().toString());
        if (answer.isEmpty()) {
            return RateLimitDecision.unlimited(limit, window.toSeconds());
        }
        RateLimitDecision decision = decision(answer.get(0) == 1, answer.get(1), answer.get(2), limit, window);
        if (!decision.allowed()) {
            refused.increment();
        }
        return decision;
    }

    /** @return {@code take_permit}'s answer; empty when Redis did not give one (counted as a fallback) */
    List<Long> take(String windowKey, long limit, Duration window, String permitName) {
        try {
            return redisson.getScript(LongCodec.INSTANCE)
                    .eval(
                            RScript.Mode.READ_WRITE,
                            TAKE_A_PERMIT,
                            RScript.ReturnType.LIST,
                            List.of(windowKey),
                            limit,
                            window.toMillis(),
                            permitName);
        } catch (RedisException e) {
            log.warn("Redis unavailable, request not rate limited: {}", e.getMessage());
            fallbacks.wentOnWithout(RedisFallbacks.Use.RATE_LIMIT);
            return List.of();
        }
    }

    RateLimitDecision decision(boolean allowed, long remaining, long millisToPermit, long limit, Duration window) {
        long waitMillis = Math.min(window.toMillis(), millisToPermit);
        return new RateLimitDecision(
                allowed, limit, window.toSeconds(), remaining, allowed ? 0 : Math.max(1, (waitMillis + 999) / 1000));
    }

    RateLimited refused(RateLimitDecision decision) {
        refused.increment();
        return new RateLimited(decision);
    }

    /** The decision when the claim's script could not take the permit: not limited, and counted as such. */
    RateLimitDecision unavailable(long limit, Duration window) {
        fallbacks.wentOnWithout(RedisFallbacks.Use.RATE_LIMIT);
        return RateLimitDecision.unlimited(limit, window.toSeconds());
    }

    /** The rate is part of the name: a changed configuration starts fresh windows instead of reading old ones. */
    private static String windowKey(String subject, long limit, Duration window) {
        return "rate-limit:v2:{" + subject + "}:" + limit + ":" + window.toMillis();
    }
}
