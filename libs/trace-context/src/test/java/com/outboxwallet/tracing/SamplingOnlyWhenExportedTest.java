package com.outboxwallet.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SamplingOnlyWhenExportedTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SamplingOnlyWhenExported.class))
            .withPropertyValues(
                    "wallet.tracing.sample-only-when-exported=true", "management.tracing.sampling.probability=1.0");

    @Test
    void withoutAnExporterANewTraceIsNotSampledEvenAtProbabilityOne() {
        contexts.run(
                context -> assertThat(newTrace(context.getBean(Sampler.class))).isEqualTo(SamplingDecision.DROP));
    }

    @Test
    void withoutAnExporterACallersSampledFlagIsStillFollowed() {
        contexts.run(context -> assertThat(childOf(context.getBean(Sampler.class), TraceFlags.getSampled()))
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE));
    }

    @Test
    void withAnExporterNewTracesAreSampledAtTheConfiguredProbability() {
        contexts.withBean(SpanExporter.class, InMemorySpanExporter::create)
                .run(context -> assertThat(newTrace(context.getBean(Sampler.class)))
                        .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE));
        contexts.withBean(SpanExporter.class, InMemorySpanExporter::create)
                .withPropertyValues("management.tracing.sampling.probability=0.0")
                .run(context ->
                        assertThat(newTrace(context.getBean(Sampler.class))).isEqualTo(SamplingDecision.DROP));
    }

    @Test
    void unlessSwitchedOnBootsOwnSamplerIsLeftInPlace() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SamplingOnlyWhenExported.class))
                .run(context -> assertThat(context).doesNotHaveBean(Sampler.class));
    }

    private static SamplingDecision newTrace(Sampler sampler) {
        return sampler.shouldSample(
                        Context.root(), TRACE_ID, "POST /api/v1/topups", SpanKind.SERVER, Attributes.empty(), List.of())
                .getDecision();
    }

    private static SamplingDecision childOf(Sampler sampler, TraceFlags callerFlags) {
        Context caller = Context.root()
                .with(Span.wrap(SpanContext.createFromRemoteParent(
                        TRACE_ID, "00f067aa0ba902b7", callerFlags, TraceState.getDefault())));
        return sampler.shouldSample(
                        caller, TRACE_ID, "POST /api/v1/topups", SpanKind.SERVER, Attributes.empty(), List.of())
                .getDecision();
    }
}
