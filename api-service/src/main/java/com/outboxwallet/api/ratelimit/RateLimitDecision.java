package com.outboxwallet.api.ratelimit;

/**
 * @param allowed         whether this request may go on
 * @param limit           requests per window
 * @param windowSeconds   the window
 * @param remaining       requests left in the window after this one
 * @param secondsToPermit when refused, seconds until the next request would be allowed
 */
public record RateLimitDecision(boolean allowed, long limit, long windowSeconds, long remaining, long secondsToPermit) {

    static RateLimitDecision unlimited(long limit, long windowSeconds) {
        return new RateLimitDecision(true, limit, windowSeconds, limit, 0);
    }
}
