package com.outboxwallet.ledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.ledger.console.PrometheusText.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parser and the relay's figures on the relay's own output (relay-prometheus.txt says how it was captured). */
class PrometheusTextTest {

    private static final URI RELAY = URI.create("http://outbox-relay:8081/actuator/prometheus");

    @Test
    void readsEverySampleLineOfTheRelaysOutput() throws IOException {
        List<Sample> samples = PrometheusText.parse(relayOutput());

        assertThat(samples)
                .contains(
                        new Sample("relay_outbox_oldest_unpublished_age_seconds", Map.of(), 2.417),
                        new Sample("relay_events_published_total", Map.of(), 1042),
                        new Sample("relay_leader", Map.of("instance", "outbox-relay-7c9d4-1", "mode", "hybrid"), 1),
                        new Sample("relay_publish_latency_seconds_bucket", Map.of("le", "+Inf"), 20),
                        new Sample(
                                "jvm_memory_used_bytes", Map.of("area", "heap", "id", "G1 Eden Space"), 5.1234568E7));
        assertThat(samples).noneMatch(sample -> sample.name().startsWith("#"));
    }

    @Test
    void theRelaysFiguresComeFromItsMetrics() throws IOException {
        RelayStatus relay = RelayStatus.from(RELAY, PrometheusText.parse(relayOutput()));

        assertThat(relay.reachable()).isTrue();
        assertThat(relay.oldestUnpublishedAge()).isEqualTo("2.4 s");
        assertThat(relay.unpublished()).isEqualTo("37");
        assertThat(relay.published()).isEqualTo("1,042");
        assertThat(relay.failures()).isEqualTo("3");
        assertThat(relay.modeShown()).isEqualTo("hybrid");
        assertThat(relay.leadership()).isEqualTo("this instance (outbox-relay-7c9d4-1) leads and publishes");
        assertThat(relay.carrier()).isEqualTo("CDC");
        assertThat(relay.slotLag()).isEqualTo("1.0 MiB");
        assertThat(relay.walHeld()).isEqualTo("3.0 MiB");
    }

    @Test
    void aPollingStandbyHasNoSlotAndSaysItDoesNotLead() {
        RelayStatus relay = RelayStatus.from(RELAY, PrometheusText.parse("""
                # TYPE relay_leader gauge
                relay_leader{instance="relay-b",mode="polling"} 0.0
                relay_outbox_oldest_unpublished_age_seconds 0.0
                """));

        assertThat(relay.leadership()).isEqualTo("this instance (relay-b) stands by; another instance leads");
        assertThat(relay.slotLag()).isEqualTo("no slot in polling mode");
        assertThat(relay.carrier()).isEqualTo("only in hybrid mode");
        assertThat(relay.oldestUnpublishedAge()).isEqualTo("0 s (nothing waiting)");
        assertThat(relay.published()).isEqualTo(Figures.NOT_EXPORTED);
        assertThat(relay.unpublished()).isEqualTo(Figures.NOT_EXPORTED);
    }

    @Test
    void escapedLabelValuesSpecialValuesTimestampsAndMalformedLines() {
        List<Sample> samples = PrometheusText.parse("""
                http_server_requests_seconds_count{method="GET",uri="/a\\"b\\\\c\\nd",} 7 1733045460000
                some_gauge NaN
                other_gauge -Inf
                broken{unterminated="x 1.0
                no_value
                not_a_number{a="b"} twelve
                """);

        assertThat(samples)
                .containsExactly(
                        new Sample(
                                "http_server_requests_seconds_count", Map.of("method", "GET", "uri", "/a\"b\\c\nd"), 7),
                        new Sample("some_gauge", Map.of(), Double.NaN),
                        new Sample("other_gauge", Map.of(), Double.NEGATIVE_INFINITY));
    }

    private static String relayOutput() throws IOException {
        try (InputStream in = PrometheusTextTest.class.getResourceAsStream("relay-prometheus.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
