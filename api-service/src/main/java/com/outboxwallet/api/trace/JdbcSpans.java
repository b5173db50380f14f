package com.outboxwallet.api.trace;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SQL appears in a trace as query spans (datasource-micrometer, {@code jdbc.includes: query}), but only inside a trace
 * that something else began and that is sampled, such as a sampled request. The queries of background loops (the
 * credential-change poll every 250 ms) would otherwise each start a trace of their own and bury the requests' traces;
 * and in a request that is not sampled (nine in ten in production) a query's span is never exported, so making it is
 * work for nothing: about a quarter of a millisecond of CPU per top-up, the most tracing cost (docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
class JdbcSpans {

    @Bean
    ObservationPredicate jdbcSpansOnlyInsideASampledTrace(ObjectProvider<Tracer> tracers) {
        return (name, context) -> {
            if (!name.startsWith("jdbc.")) {
                return true;
            }
            if (context.getParentObservation() == null) {
                return false;
            }
            Tracer tracer = tracers.getIfAvailable();
            Span current = tracer == null ? null : tracer.currentSpan();
            return current != null && Boolean.TRUE.equals(current.context().sampled());
        };
    }
}
