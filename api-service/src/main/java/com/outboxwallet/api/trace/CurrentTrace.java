package com.outboxwallet.api.trace;

import java.util.Optional;

/**
 * The trace of the request this thread is serving. A request runs on one thread from the filter to the commit, so a
 * thread-local carries it to the outbox without threading it through every signature; the coalescing strategy, which
 * commits on a thread of its own, sets it there around each top-up it records.
 */
public final class CurrentTrace {

    private static final ThreadLocal<Traceparent> CURRENT = new ThreadLocal<>();

    private CurrentTrace() {
    }

    public static Optional<Traceparent> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * @param traceparent the trace, or null for none
     * @return a scope to close when the request ends, which forgets the trace
     */
    public static Scope set(Traceparent traceparent) {
        CURRENT.set(traceparent);
        return CURRENT::remove;
    }

    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
