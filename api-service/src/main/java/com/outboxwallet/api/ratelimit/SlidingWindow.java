package com.outboxwallet.api.ratelimit;

/**
 * The sliding window every rate limit here counts with, as a Lua function for the scripts that take a permit: one
 * whose only work is the permit ({@link UserRateLimiter}) and one that takes it with an idempotency claim, so that a
 * top-up pays one round trip to Redis for both.
 *
 * <p>A window is a sorted set of permits scored by when they were taken, on Redis's own clock, and expires with its
 * last permit. {@code take_permit} drops the permits that left the window, takes one if there is room, and answers
 * {@code {1, permits left, 0}} or, when refused, {@code {0, 0, ms until the oldest frees}}. Redis runs a script
 * atomically, so concurrent requests on any instance never take more than the limit.
 */
public final class SlidingWindow {

    public static final String TAKE_PERMIT_FUNCTION = """
            local function take_permit(key, limit, window, name)
              local time = redis.call('TIME')
              local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
              redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
              local taken = redis.call('ZCARD', key)
              if taken < limit then
                redis.call('ZADD', key, now, name)
                redis.call('PEXPIRE', key, window)
                return {1, limit - taken - 1, 0}
              end
              local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
              return {0, 0, tonumber(oldest[2]) + window - now}
            end
            """;

    private SlidingWindow() {}
}
