package com.outboxwallet.api.auth.throttle;

import com.outboxwallet.api.redis.RedisFallbacks;
import com.outboxwallet.loginguard.AttemptCounters;
import com.outboxwallet.loginguard.LoginThrottle;
import com.outboxwallet.loginguard.ThrottlePolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis's counters when it answers, this instance's own when it does not, and for a few seconds after: while Redis is
 * down, guessing is slowed per instance rather than let through, and no attempt waits on Redis's timeouts.
 */
final class SharedAttemptCounters implements AttemptCounters {

    private static final Logger log = LoggerFactory.getLogger(SharedAttemptCounters.class);
    /** After Redis failed, how long to count locally before trying it again. */
    private static final Duration SHARED_RETRY = Duration.ofSeconds(5);

    private final AttemptCounters shared;
    private final AttemptCounters local;
    private final RedisFallbacks fallbacks;
    private final Clock clock;
    private volatile boolean sharedUnavailable;
    private volatile long sharedRetryAt;

    SharedAttemptCounters(AttemptCounters shared, AttemptCounters local, RedisFallbacks fallbacks, Clock clock) {
        this.shared = shared;
        this.local = local;
        this.fallbacks = fallbacks;
        this.clock = clock;
    }

    @Override
    public Optional<LoginThrottle.Wait> reserve(List<Counted> counters, ThrottlePolicy policy) {
        return counted(counter -> counter.reserve(counters, policy));
    }

    @Override
    public void forgive(List<Counted> counters, boolean forgetFirst) {
        counted(counter -> {
            counter.forgive(counters, forgetFirst);
            return null;
        });
    }

    @Override
    public boolean known(String key) {
        return counted(counter -> counter.known(key));
    }

    @Override
    public void remember(String key, Duration keep) {
        counted(counter -> {
            counter.remember(key, keep);
            return null;
        });
    }

    private <T> T counted(Function<AttemptCounters, T> use) {
        if (sharedUnavailable && clock.millis() < sharedRetryAt) {
            fallbacks.wentOnWithout(RedisFallbacks.Use.LOGIN_THROTTLE);
            return use.apply(local);
        }
        try {
            T result = use.apply(shared);
            if (sharedUnavailable) {
                sharedUnavailable = false;
                log.info("Login attempts are counted in Redis again");
            }
            return result;
        } catch (RedisException e) {
            sharedRetryAt = clock.millis() + SHARED_RETRY.toMillis();
            fallbacks.wentOnWithout(RedisFallbacks.Use.LOGIN_THROTTLE);
            if (!sharedUnavailable) {
                sharedUnavailable = true;
                log.warn("Redis unavailable, login attempts are counted by this instance alone: {}", e.getMessage());
            }
            return use.apply(local);
        }
    }
}
