package com.outboxwallet.ledger.consumer;

import com.outboxwallet.events.CloudEventHeaders;
import com.outboxwallet.ledger.consumer.RecordBatches.AppliedRecord;
import com.outboxwallet.tracing.TraceContexts;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Each record's part of its top-up's trace: a consumer span continued from the record's {@code traceparent} (the
 * relay's producer span) that covers the batch's apply transaction, from before it starts until the offset is
 * committed, tagged with what became of the event. A batch listener is outside Spring Kafka's own observation, so the
 * spans are made here; a batch that fails ends them in error and its retry starts new ones.
 */
@Component
class ApplyTraces {

    static final String PROCESS = "wallet.events process";

    private final TraceContexts contexts;

    ApplyTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.contexts = new TraceContexts(tracer, propagator);
    }

    /** @return one started span per record, in the records' order */
    List<Span> start(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(this::start).toList();
    }

    /** Ends each record's span with its outcome ({@code applied}, {@code duplicate}, ...). */
    void applied(List<Span> spans, List<AppliedRecord> applied) {
        for (int i = 0; i < spans.size(); i++) {
            spans.get(i)
                    .tag("ledger.outcome", applied.get(i).outcome().name().toLowerCase(Locale.ROOT))
                    .end();
        }
    }

    void failed(List<Span> spans, Throwable failure) {
        spans.forEach(span -> span.error(failure).end());
    }

    private Span start(ConsumerRecord<String, byte[]> record) {
        // A record's headers are not trusted yet: a context that cannot be read starts a trace of its own.
        Span.Builder span = contexts.continuing(record, ApplyTraces::header)
                .name(PROCESS)
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka")
                .tag("messaging.operation.type", "process")
                .tag("messaging.destination.name", record.topic())
                .tag("messaging.destination.partition.id", String.valueOf(record.partition()))
                .tag("messaging.kafka.offset", record.offset());
        String eventId = header(record, CloudEventHeaders.ID);
        if (eventId != null) {
            span.tag("messaging.message.id", bounded(eventId));
        }
        if (record.key() != null) {
            span.tag("messaging.kafka.message.key", bounded(record.key()));
        }
        return span.start();
    }

    /** What a record carried, bounded: it is not checked yet, and a span attribute is kept and exported. */
    private static String bounded(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }

    private static @Nullable String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
