package com.outboxwallet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.env.MapPropertySource;

/**
 * The whole pipeline on the embedded real PostgreSQL, Kafka and Redis: what the README's run command starts. Each
 * service's spans go to an in-memory exporter, so the test can follow one top-up's trace across the three, and over
 * OTLP/HTTP to a receiver standing where compose's Jaeger listens ({@link OtlpTraceReceiver}), as compose sends them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedPipelineIT extends PipelineContract {

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OtlpTraceReceiver jaeger = OtlpTraceReceiver.start();
    private LocalPipeline pipeline;

    /** The relay's settings on top of the local profile's; none: the default polling mode. */
    List<String> relaySettings() {
        return List.of();
    }

    String databaseSuffix() {
        return "e2e";
    }

    @BeforeAll
    void startPipeline() {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.shared();
        pipeline = LocalPipeline.start(
                InfrastructureEndpoints.of(infra, "wallet_" + databaseSuffix(), "ledger_" + databaseSuffix()),
                LocalPipeline.Ports.random(),
                relaySettings(),
                context -> {
                    // Boot's OpenTelemetry configuration exports to every SpanExporter bean; export promptly.
                    context.getBeanFactory().registerSingleton("testSpans", spans);
                    context.getEnvironment()
                            .getPropertySources()
                            .addFirst(new MapPropertySource(
                                    "test-tracing",
                                    Map.of(
                                            "management.opentelemetry.tracing.export.schedule-delay",
                                            "100ms",
                                            // As compose sets MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT.
                                            "management.opentelemetry.tracing.export.otlp.endpoint",
                                            jaeger.endpoint().toString())));
                });
    }

    /**
     * The request's server span in the api-service, the row's wait in the outbox and its publish in the relay, and the
     * event's apply in the ledger: one trace, each hop the child of the one before.
     */
    @Test
    void oneTopUpIsOneTraceFromTheRequestThroughTheOutboxAndKafkaToTheLedger() throws Exception {
        User user = aNewUser();

        HttpResponse<String> topUp = topUp(user, "trace-" + UUID.randomUUID(), "10.00");

        String traceId = topUp.headers().firstValue("traceparent").orElseThrow().split("-")[1];
        // Each hop's span reaches the exporter when it ends, in no fixed order: the relay's publish span may end
        // after the ledger has applied the event. Wait for all four.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> hopsOf(spansOf(traceId))
                        .containsAll(List.of(
                                "api-service SERVER",
                                "outbox-relay INTERNAL",
                                "outbox-relay PRODUCER",
                                "ledger-service CONSUMER")));
        List<SpanData> trace = spansOf(traceId);
        SpanData server = only(trace, "api-service", SpanKind.SERVER);
        SpanData outbox = only(trace, "outbox-relay", SpanKind.INTERNAL);
        SpanData publish = only(trace, "outbox-relay", SpanKind.PRODUCER);
        SpanData apply = only(trace, "ledger-service", SpanKind.CONSUMER);
        assertThat(server.getName()).contains("/api/v1/topups");
        assertThat(outbox.getName()).isEqualTo("outbox");
        assertThat(publish.getName()).isEqualTo("wallet.events publish");
        assertThat(apply.getName()).isEqualTo("wallet.events process");
        assertThat(outbox.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(publish.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(apply.getParentSpanId()).isEqualTo(publish.getSpanId());
        assertThat(apply.getAttributes().get(AttributeKey.stringKey("ledger.outcome")))
                .isEqualTo("applied");
        // The request's SQL, in its trace: at least the top-up's and the outbox row's inserts.
        assertThat(trace)
                .filteredOn(span -> span.getKind() == SpanKind.CLIENT
                        && span.getParentSpanId().equals(server.getSpanId()))
                .hasSizeGreaterThanOrEqualTo(2);
        // The outbox span runs from the event's time to the publish: the time the row waited for the relay.
        assertThat(outbox.getEndEpochNanos()).isLessThanOrEqualTo(publish.getStartEpochNanos());

        // What Jaeger receives: the same four spans, sent over OTLP/HTTP (protobuf) by each service.
        List<OtlpTraceReceiver.ReceivedSpan> hops = Stream.of(server, outbox, publish, apply)
                .map(EmbeddedPipelineIT::asReceived)
                .toList();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jaeger.spansOf(traceId)).containsAll(hops));
        assertThat(jaeger.refused())
                .as("requests that were not OTLP/HTTP protobuf")
                .isEmpty();
    }

    /** A span as OTLP carries it: a root has no parent span id. */
    private static OtlpTraceReceiver.ReceivedSpan asReceived(SpanData span) {
        return new OtlpTraceReceiver.ReceivedSpan(
                span.getResource().getAttribute(SERVICE_NAME),
                span.getTraceId(),
                span.getSpanId(),
                span.getParentSpanContext().isValid() ? span.getParentSpanId() : "",
                span.getName(),
                OtlpTraceReceiver.Kind.valueOf(span.getKind().name()));
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId))
                .toList();
    }

    private static List<String> hopsOf(List<SpanData> spans) {
        return spans.stream()
                .map(span -> span.getResource().getAttribute(SERVICE_NAME) + " " + span.getKind())
                .toList();
    }

    private static SpanData only(List<SpanData> trace, String service, SpanKind kind) {
        List<SpanData> matching = trace.stream()
                .filter(span -> service.equals(span.getResource().getAttribute(SERVICE_NAME)))
                .filter(span -> span.getKind() == kind)
                .toList();
        assertThat(matching).as(service + " " + kind + " spans in " + trace).hasSize(1);
        return matching.getFirst();
    }

    @AfterAll
    void stopPipeline() {
        pipeline.close();
        jaeger.close();
    }

    @Override
    LocalPipeline pipeline() {
        return pipeline;
    }
}
