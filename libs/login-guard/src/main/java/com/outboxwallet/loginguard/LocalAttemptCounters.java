package com.outboxwallet.loginguard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * This instance's own counters: a service's only ones when it has no Redis (the ledger), the api's while Redis is
 * unreachable. Bounded in size, so a flood of made-up names cannot exhaust the heap; an evicted counter starts again.
 * One lock makes a reservation atomic: a login is a rare event next to a lock's cost.
 */
public final class LocalAttemptCounters implements AttemptCounters {

    private record Seen(long attempts, long lastMillis) {}

    private final Clock clock;
    private final Cache<String, Seen> counters;
    private final Cache<String, Boolean> known;

    public LocalAttemptCounters(Clock clock, ThrottlePolicy policy) {
        this.clock = clock;
        this.counters = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(policy.longestDelay())
                .build();
        this.known = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(policy.knownAddressFor())
                .build();
    }

    @Override
    public synchronized Optional<LoginThrottle.Wait> reserve(List<Counted> reserved, ThrottlePolicy policy) {
        long now = clock.millis();
        Optional<LoginThrottle.Wait> longest = Optional.empty();
        for (Counted counter : reserved) {
            Seen seen = counters.getIfPresent(counter.key());
            long left = seen == null ? 0 : policy.leftMillis(counter.limit(), seen.attempts(), seen.lastMillis(), now);
            if (left > 0
                    && longest.map(wait -> wait.retryAfter().toMillis() < left).orElse(true)) {
                longest = Optional.of(LoginThrottle.Wait.of(counter.limit(), policy, left));
            }
        }
        if (longest.isEmpty()) {
            for (Counted counter : reserved) {
                Seen seen = counters.getIfPresent(counter.key());
                counters.put(counter.key(), new Seen(seen == null ? 1 : seen.attempts() + 1, now));
            }
        }
        return longest;
    }

    @Override
    public synchronized void forgive(List<Counted> reserved, boolean forgetFirst) {
        for (int i = 0; i < reserved.size(); i++) {
            String key = reserved.get(i).key();
            Seen seen = counters.getIfPresent(key);
            if (seen == null) {
                continue;
            }
            if ((i == 0 && forgetFirst) || seen.attempts() <= 1) {
                counters.invalidate(key);
            } else {
                counters.put(key, new Seen(seen.attempts() - 1, seen.lastMillis()));
            }
        }
    }

    @Override
    public boolean known(String key) {
        return known.getIfPresent(key) != null;
    }

    @Override
    public void remember(String key, Duration keep) {
        known.put(key, Boolean.TRUE);
    }
}
