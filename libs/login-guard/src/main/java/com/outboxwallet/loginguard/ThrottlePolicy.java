package com.outboxwallet.loginguard;

import java.time.Duration;

/**
 * How many login attempts each counter lets through before the next ones wait, and how long they wait. Past its
 * limit, a counter makes the next attempt wait {@code firstDelay} after the last one, doubling with each attempt
 * past the limit up to {@code longestDelay}; a counter is forgotten {@code longestDelay} after its last attempt.
 *
 *
 * <p>Each service binds it as its settings ({@code wallet.auth.login-throttle.*}, {@code
 * ledger.operator.login-throttle.*}); a value out of range stops the start.
 *
 * @param maxFailuresPerUser    attempts at one username from one client address
 * @param maxFailuresPerAccount attempts at one username from addresses it has not logged in from lately
 * @param maxFailuresPerAddress attempts from one client address at usernames that have not logged in from it lately
 * @param firstDelay            the wait once a limit is reached
 * @param longestDelay          the longest wait, and how long a counter is kept after its last attempt
 * @param knownAddressFor       how long a successful login makes its address known for its username
 */
public record ThrottlePolicy(
        int maxFailuresPerUser,
        int maxFailuresPerAccount,
        int maxFailuresPerAddress,
        Duration firstDelay,
        Duration longestDelay,
        Duration knownAddressFor) {

    public ThrottlePolicy {
        if (maxFailuresPerUser < 1 || maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("every login limit must allow at least one attempt");
        }
        if (!firstDelay.isPositive() || longestDelay.compareTo(firstDelay) < 0 || !knownAddressFor.isPositive()) {
            throw new IllegalArgumentException(
                    "the login delays must be positive, the longest no shorter than the first");
        }
    }

    public int limitOf(LoginThrottle.Limit limit) {
        return switch (limit) {
            case USER -> maxFailuresPerUser;
            case ACCOUNT -> maxFailuresPerAccount;
            case ADDRESS -> maxFailuresPerAddress;
        };
    }

    /**
     * How long an attempt must still wait, in ms (zero or less: none), on a counter that has seen {@code attempts},
     * the last at {@code lastMillis}. {@code RedisAttemptCounters}' script computes the same in Lua.
     */
    public long leftMillis(LoginThrottle.Limit limit, long attempts, long lastMillis, long nowMillis) {
        int max = limitOf(limit);
        if (attempts < max) {
            return 0;
        }
        long doublings = Math.min(attempts - max, 30);
        long delay = Math.min(longestDelay.toMillis(), firstDelay.toMillis() << doublings);
        return lastMillis + delay - nowMillis;
    }
}
