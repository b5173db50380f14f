package com.outboxwallet.api;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** What is observed is what is read: HTTP requests (Prometheus), not each of Spring Security's filters. */
class ObservationsIT extends ApiServiceIntegrationTest {

    @Autowired
    ObservationRegistry observations;

    @Test
    void springSecurityIsNotObservedAndHttpRequestsAre() {
        assertThat(Observation.start("spring.security.filterchains", observations).isNoop()).isTrue();
        assertThat(Observation.start("spring.security.authentications", observations).isNoop()).isTrue();
        assertThat(Observation.start("http.server.requests", observations).isNoop()).isFalse();
    }
}
