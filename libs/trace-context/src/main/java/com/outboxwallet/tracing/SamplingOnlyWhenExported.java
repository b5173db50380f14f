package com.outboxwallet.tracing;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Samples new traces only where their spans go somewhere ({@code wallet.tracing.sample-only-when-exported}, on in the
 * local profiles). Locally every trace is sampled for Jaeger, but a local run without an exporter would record every
 * span of every request and SQL query for nobody: 40 % of a newcomer's throughput (docs/benchmarks.md). With no
 * {@link SpanExporter}, a trace no caller sampled is not sampled; its ids are made all the same, so log lines still carry
 * them, and a caller's sampled flag is still followed. With an exporter, Boot's own sampler:
 * {@code management.tracing.sampling.probability} of the new traces.
 */
@AutoConfiguration(
        beforeName =
                "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration")
@ConditionalOnClass(Sampler.class)
@ConditionalOnBooleanProperty("wallet.tracing.sample-only-when-exported")
public class SamplingOnlyWhenExported {

    /** Boot's default, when {@code management.tracing.sampling.probability} is not set. */
    private static final double BOOT_DEFAULT_PROBABILITY = 0.1;

    @Bean
    Sampler otelSampler(Environment environment, ObjectProvider<SpanExporter> exporters) {
        double probability = environment.getProperty(
                "management.tracing.sampling.probability", Double.class, BOOT_DEFAULT_PROBABILITY);
        return sampler(probability, exporters.stream().findAny().isPresent());
    }

    static Sampler sampler(double probability, boolean exported) {
        return Sampler.parentBased(exported ? Sampler.traceIdRatioBased(probability) : Sampler.alwaysOff());
    }
}
