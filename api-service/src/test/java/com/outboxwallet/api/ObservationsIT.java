package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What is observed is what is read: HTTP requests (Prometheus), not each of Spring Security's filters. */
class ObservationsIT extends ApiServiceIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void aTopUpIsObservedAsAnHttpRequestAndNotFilterByFilter() {
        Credentials alice = aUser();

        assertThat(api().topUp(alice, anyKey(), "1.00").statusCode()).isEqualTo(201);

        assertThat(meters.find("http.server.requests").meters()).isNotEmpty();
        assertThat(meters.getMeters())
                .noneSatisfy(meter -> assertThat(meter.getId().getName()).startsWith("spring.security"));
    }
}
