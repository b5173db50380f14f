package com.outboxwallet.api.trace;

import com.outboxwallet.tracing.TraceContexts;
import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The trace of the work in progress, as the tracer (Micrometer Tracing over OpenTelemetry) keeps it: the HTTP server
 * span the observation filter opened continues the caller's W3C trace or starts one. The outbox row stores its W3C
 * {@code traceparent}, so the relay's publish and the ledger's apply join the request's trace; the coalescing strategy,
 * which commits on a thread of its own, carries each request's context there.
 */
@Component
public class RequestTraces {

    private final TraceContexts contexts;
    private final Tracer tracer;

    RequestTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        // Without a tracer (management.tracing.enabled=false) events simply carry no trace.
        this.contexts = new TraceContexts(tracer, propagator);
        this.tracer = contexts.tracer();
    }

    /** @return the current span's W3C traceparent, or null when there is no span */
    public @Nullable String currentTraceparent() {
        return contexts.traceparentOf(tracer.currentSpan());
    }

    /** @return the context to {@link #resume} on another thread; null when there is none */
    public @Nullable TraceContext current() {
        return tracer.currentTraceContext().context();
    }

    /** Makes {@code context} (null for none) current on this thread until the scope closes. */
    public CurrentTraceContext.Scope resume(@Nullable TraceContext context) {
        return tracer.currentTraceContext().maybeScope(context);
    }
}
