package com.outboxwallet.ledger.consumer;

import com.outboxwallet.ledger.bookkeeping.LedgerRecorder.Outcome;
import com.outboxwallet.ledger.consumer.RecordBatches.AppliedRecord;
import io.micrometer.tracing.Span;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * At-least-once in, exactly-once in effect. Each poll's records are applied in one database transaction
 * ({@link RecordBatches}); records that can never be applied are then set aside on the dead-letter topic and
 * acknowledged by the broker; only after both is the batch's offset committed. A crash anywhere before that
 * redelivers the batch, which the processed_events key turns into duplicates; a duplicate is a success and is
 * acknowledged like one. Concurrency is safe across rebalances for the same reason: a partition that moves mid-batch
 * is redelivered from its last committed offset and the new owner finds its events already applied.
 *
 * <p>If the database or the dead-letter topic fails, this throws and {@link ConsumerErrorHandling} retries the same
 * batch until it succeeds.
 */
@Component
class WalletEventListener {

    private final RecordBatches batches;
    private final DeadLetters deadLetters;
    private final ConsumptionMetrics metrics;
    private final ApplyRetries retries;
    private final ApplyTraces traces;

    WalletEventListener(
            RecordBatches batches,
            DeadLetters deadLetters,
            ConsumptionMetrics metrics,
            ApplyRetries retries,
            ApplyTraces traces) {
        this.traces = traces;
        this.batches = batches;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.retries = retries;
    }

    @KafkaListener(topics = "${ledger.topic}", batch = "true")
    void onWalletEvents(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment) {
        List<Span> spans = traces.start(records);
        long started = System.nanoTime();
        List<AppliedRecord> applied;
        try {
            applied = batches.apply(records);
            deadLetters.setAside(applied.stream()
                    .filter(record -> record.outcome() == Outcome.INVALID)
                    .toList());
            acknowledgment.acknowledge();
        } catch (RuntimeException | Error e) {
            traces.failed(spans, e);
            throw e;
        }
        traces.applied(spans, applied);
        retries.succeeded();
        metrics.count(applied, System.nanoTime() - started);
    }
}
