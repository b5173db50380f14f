package com.outboxwallet.api.auth.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;

/**
 * This instance's own counters, for while Redis is unreachable: guessing is then limited per instance rather than
 * not at all. Bounded in size, so a flood of made-up names cannot exhaust the heap; an evicted counter starts again.
 */
final class LocalFailureCounter implements FailureCounter {

    private final Clock clock;
    private final Cache<String, Failures> counters;

    LocalFailureCounter(Clock clock, Duration keep) {
        this.clock = clock;
        this.counters = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(keep)
                .build();
    }

    @Override
    public Failures read(String name) {
        long now = clock.millis();
        Failures seen = counters.getIfPresent(name);
        return seen == null ? Failures.none(now) : new Failures(seen.count(), seen.lastMillis(), now);
    }

    @Override
    public void failed(String name, Duration keep) {
        long now = clock.millis();
        counters.asMap()
                .merge(name, new Failures(1, now, now), (seen, one) -> new Failures(seen.count() + 1, now, now));
    }

    @Override
    public void forget(String name) {
        counters.invalidate(name);
    }
}
