package com.outboxwallet.api.ratelimit;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A user's permit for the request at hand, not taken yet: the idempotency claim takes it in its own script, one round
 * trip to Redis for both (each is a wake-up of Redisson's event loop and of the request thread, the dearest part of a
 * command). A request that never reached a claim has it taken alone as it ends ({@link DeferredPermits#takeLeftOver}),
 * so it counts all the same. It names its window and permit as {@code take_permit} ({@link SlidingWindow}) expects.
 */
public final class DeferredPermit {

    private final UserRateLimiter limiter;
    private final String windowKey;
    private final long limit;
    private final Duration window;
    private final String name;
    private final Consumer<RateLimitDecision> onDecision;

    DeferredPermit(
            UserRateLimiter limiter,
            String windowKey,
            long limit,
            Duration window,
            String name,
            Consumer<RateLimitDecision> onDecision) {
        this.limiter = limiter;
        this.windowKey = windowKey;
        this.limit = limit;
        this.window = window;
        this.name = name;
        this.onDecision = onDecision;
    }

    /** The user's window: the sorted set {@code take_permit} takes the permit in. */
    public String windowKey() {
        return windowKey;
    }

    /** {@code take_permit}'s other arguments, in its order: the limit, the window in ms and the permit's name. */
    public Object[] arguments() {
        return new Object[] {limit, window.toMillis(), name};
    }

    /**
     * Applies {@code take_permit}'s answer: the caller hears where the user stands (the RateLimit fields).
     *
     * @throws RateLimited when the permit was refused
     */
    public void settle(long allowed, long remaining, long millisToPermit) {
        RateLimitDecision decision = limiter.decision(allowed == 1, remaining, millisToPermit, limit, window);
        onDecision.accept(decision);
        if (!decision.allowed()) {
            throw limiter.refused(decision);
        }
    }

    /** Redis did not answer: the request is not limited, as when the permit is taken alone. */
    public void redisUnavailable() {
        onDecision.accept(limiter.unavailable(limit, window));
    }

    void takeAlone() {
        limiter.take(windowKey, limit, window, name);
    }
}
