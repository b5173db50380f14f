package com.outboxwallet.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On OpenTelemetry's own tracer and W3C propagator, as the services run them. */
class TraceContextsTest {

    private static final String STORED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    private final TraceContexts traces = new TraceContexts(
            new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {}),
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aSpanContinuingAStoredTraceparentIsAChildInTheSameTrace() {
        Span publish = traces.continuing(STORED).name("publish").start();

        assertThat(traces.traceparentOf(publish))
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(publish.context().parentId()).isEqualTo("00f067aa0ba902b7");
        publish.end();
    }

    @Test
    void noStoredTraceparentStartsATraceOfItsOwn() {
        Span publish = traces.continuing((String) null).name("publish").start();

        assertThat(traces.traceparentOf(publish))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                .doesNotContain("4bf92f3577b34da6a3ce929d0e0e4736");
        publish.end();
    }

    @Test
    void aCarrierWhoseContextCannotBeReadStartsATraceOfItsOwn() {
        Span apply = traces.continuing("a record", (record, field) -> {
                    throw new IllegalStateException("a header that is not text");
                })
                .name("apply")
                .start();

        assertThat(traces.traceparentOf(apply)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        apply.end();
    }

    @Test
    void withoutATracerNothingIsWrittenAndNothingFails() {
        TraceContexts off = new TraceContexts(Tracer.NOOP, Propagator.NOOP);

        assertThat(off.traceparentOf(off.continuing(STORED).start())).isNull();
        assertThat(off.traceparentOf(null)).isNull();
    }
}
