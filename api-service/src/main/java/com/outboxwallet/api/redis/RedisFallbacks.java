package com.outboxwallet.api.redis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Counts each time a request went on without Redis ({@code wallet_redis_fallbacks_total{use}}): Redis is an
 * optimisation, so its failures never fail a request, and this counter is how an operator sees them (the alert on
 * it, docs/runbook.md). The counters exist from the start, at zero.
 */
@Component
public class RedisFallbacks {

    /** What went on without Redis. */
    public enum Use {
        /** the idempotency claim: the database's unique (user, key) constraint guards alone */
        IDEMPOTENCY_CLAIM,
        /** the first response, not kept for replay: a retry is answered from the database */
        IDEMPOTENCY_REPLAY,
        /** the per-user rate limit: the request was not limited */
        RATE_LIMIT,
        /** failed logins, counted by this instance alone */
        LOGIN_THROTTLE
    }

    private final Map<Use, Counter> counters = new EnumMap<>(Use.class);

    public RedisFallbacks(MeterRegistry meters) {
        for (Use use : Use.values()) {
            counters.put(
                    use,
                    Counter.builder("wallet.redis.fallbacks")
                            .description("Requests that went on without Redis, by what Redis would have done")
                            .tag("use", use.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                            .register(meters));
        }
    }

    public void wentOnWithout(Use use) {
        Objects.requireNonNull(counters.get(use)).increment(); // one counter per Use, made up front
    }
}
