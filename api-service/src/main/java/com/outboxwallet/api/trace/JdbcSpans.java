package com.outboxwallet.api.trace;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SQL appears in a trace as query spans (datasource-micrometer, {@code jdbc.includes: query}), but only inside a trace
 * that something else began, such as a request: the queries of background loops (the credential-change poll every
 * 250 ms) would otherwise each start a trace of their own and bury the requests' traces.
 */
@Configuration(proxyBeanMethods = false)
class JdbcSpans {

    @Bean
    ObservationPredicate jdbcSpansOnlyInsideATrace() {
        return (name, context) -> !name.startsWith("jdbc.") || context.getParentObservation() != null;
    }
}
