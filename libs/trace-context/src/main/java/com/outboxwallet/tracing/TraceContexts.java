package com.outboxwallet.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The W3C trace context along a top-up's path, read and written one way by all three services: the api stores the
 * request's {@code traceparent} with the outbox row, the relay continues it in its producer span and puts that span's
 * context on the Kafka record, the ledger continues the record's. Without a tracer
 * ({@code management.tracing.enabled=false}) everything here is a no-op: events carry no new context, and a stored one
 * passes through unchanged.
 */
public final class TraceContexts {

    /** The W3C field, as a header of the record and a column of the outbox row. */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    public TraceContexts(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public Tracer tracer() {
        return tracer;
    }

    /** @return the span's W3C traceparent; null for a no-op span, or when there is none */
    public @Nullable String traceparentOf(@Nullable Span span) {
        if (span == null || span.isNoop()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, (map, key, value) -> carrier.put(key, value));
        return carrier.get(TRACEPARENT);
    }

    /** @return a span continuing the stored traceparent; a new trace when there is none */
    public Span.Builder continuing(@Nullable String traceparent) {
        return propagator.extract(traceparent, (stored, field) -> TRACEPARENT.equals(field) ? stored : null);
    }

    /**
     * @return a span continuing the context {@code carrier} holds; a new trace when it holds none, or one that cannot
     *         be read (a record's headers are not trusted yet)
     */
    public <C> Span.Builder continuing(C carrier, Propagator.Getter<C> getter) {
        try {
            return propagator.extract(carrier, getter);
        } catch (RuntimeException unreadable) {
            return tracer.spanBuilder();
        }
    }
}
