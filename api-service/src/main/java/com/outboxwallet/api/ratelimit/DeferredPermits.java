package com.outboxwallet.api.ratelimit;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The permit deferred by the request this thread serves, until the idempotency claim takes it or the request ends. A
 * request is served by one thread from its interceptors to its answer, so a thread-bound permit is the request's.
 */
@Component
public class DeferredPermits {

    private final ThreadLocal<@Nullable DeferredPermit> pending = new ThreadLocal<>();

    public void defer(DeferredPermit permit) {
        pending.set(permit);
    }

    /** The request's deferred permit, which the caller now takes: empty when there is none or it was taken. */
    public Optional<DeferredPermit> take() {
        DeferredPermit permit = pending.get();
        pending.remove();
        return Optional.ofNullable(permit);
    }

    /** As the request ends: a permit nobody took is taken now, so that every request counts. */
    public void takeLeftOver() {
        take().ifPresent(DeferredPermit::takeAlone);
    }
}
