package com.outboxwallet.ledger.consumer;

import com.outboxwallet.ledger.bookkeeping.LedgerRecorder.Outcome;
import com.outboxwallet.ledger.consumer.RecordBatches.AppliedRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * {@code ledger_events_total{outcome=applied|duplicate|ignored|invalid}}, {@code ledger_dead_letters_total} and
 * {@code ledger_batch_records} (records per applied poll) and {@code ledger_apply_seconds} (a histogram: one poll from
 * the start of its transaction to its acknowledged offsets). Counted after the batch committed and its offsets were
 * acknowledged, so an attempt that failed and is retried is not counted twice.
 */
@Component
class ConsumptionMetrics {

    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Counter deadLetters;
    private final DistributionSummary batchSizes;
    private final Timer apply;

    ConsumptionMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(
                    outcome,
                    Counter.builder("ledger.events")
                            .description("Wallet events consumed, by what they did to the ledger")
                            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
        deadLetters = Counter.builder("ledger.dead.letters")
                .description("Records sent to the dead-letter topic")
                .register(registry);
        batchSizes = DistributionSummary.builder("ledger.batch.records")
                .description("Records applied per poll, in one transaction")
                .register(registry);
        apply = Timer.builder("ledger.apply")
                .description("One poll's apply, from the start of its transaction to its acknowledged offsets")
                .publishPercentileHistogram()
                .register(registry);
    }

    void count(List<AppliedRecord> batch, long applyNanos) {
        batch.forEach(
                record -> Objects.requireNonNull(outcomes.get(record.outcome())).increment());
        batchSizes.record(batch.size());
        apply.record(applyNanos, TimeUnit.NANOSECONDS);
    }

    void countDeadLetter() {
        deadLetters.increment();
    }
}
