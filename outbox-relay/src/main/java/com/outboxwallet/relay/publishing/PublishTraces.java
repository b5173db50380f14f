package com.outboxwallet.relay.publishing;

import com.outboxwallet.relay.RelayProperties;
import com.outboxwallet.relay.outbox.OutboxRow;
import com.outboxwallet.tracing.TraceContexts;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A row's part of its top-up's trace. The api-service stored the request's W3C context with the row; each publish is
 * a producer span parented by it (not a link: one top-up makes one event, so the event's publish belongs in the
 * request's trace as its child), preceded by an "outbox" span from the event's time to the publish, which shows how
 * long the row waited for the relay. The record carries the producer span's context, which the ledger continues.
 */
@Component
class PublishTraces {

    static final String PUBLISH = "wallet.events publish";
    static final String OUTBOX = "outbox";

    private final TraceContexts contexts;
    private final String topic;
    private final Clock clock = Clock.systemUTC();

    PublishTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator, RelayProperties properties) {
        // Without a tracer (management.tracing.enabled=false) records carry the stored context unchanged.
        this.contexts = new TraceContexts(tracer, propagator);
        this.topic = properties.topic().name();
    }

    /** Records the row's wait in the outbox and starts its producer span; end it with {@link #ended}. */
    Span startPublish(OutboxRow row) {
        long now = clock.millis();
        long waited = Math.max(0, now - row.message().occurredAt().toEpochMilli());
        Span outbox = storedContextOf(row)
                .name(OUTBOX)
                .tag("messaging.message.id", row.message().eventId().toString())
                .startTimestamp(row.message().occurredAt().toEpochMilli(), TimeUnit.MILLISECONDS)
                .start();
        outbox.end(now, TimeUnit.MILLISECONDS);
        return storedContextOf(row)
                .name(PUBLISH)
                .kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka")
                .tag("messaging.operation.type", "send")
                .tag("messaging.destination.name", topic)
                .tag("messaging.message.id", row.message().eventId().toString())
                .tag("messaging.kafka.message.key", row.message().aggregateId().toString())
                .tag("wallet.sequence", row.message().sequence())
                .tag("outbox.wait.ms", waited)
                .start();
    }

    /** @return the W3C traceparent for the record: the producer span's, or the stored one without a tracer */
    @Nullable
    String traceparentOf(Span publish, OutboxRow row) {
        String published = contexts.traceparentOf(publish);
        return published != null ? published : row.message().traceparent();
    }

    /** @param failure why Kafka did not acknowledge the record; null when it did */
    void ended(Span publish, Throwable failure) {
        if (failure != null) {
            publish.error(failure);
        }
        publish.end();
    }

    private Span.Builder storedContextOf(OutboxRow row) {
        return contexts.continuing(row.message().traceparent());
    }
}
