package com.outboxwallet.ledger.consumer;

import com.outboxwallet.events.CloudEventHeaders;
import com.outboxwallet.ledger.bookkeeping.LedgerRecorder.Outcome;
import com.outboxwallet.ledger.bookkeeping.Refusal;
import com.outboxwallet.ledger.consumer.RecordBatches.AppliedRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code ledger_events_total{outcome=applied|duplicate|skipped|set_aside}}, {@code ledger_dead_letters_total{reason}}
 * (one series per reason a record can be set aside for, each there from the start) and
 * {@code ledger_batch_records} (records per applied poll) and {@code ledger_apply_seconds} (a histogram: one poll from
 * the start of its transaction to its acknowledged offsets), and {@code ledger_event_delay_seconds} (a histogram: each
 * applied event from its {@code ce_time}, the top-up's commit in the api-service, to its batch's acknowledgement here:
 * how far behind the ledger is, in time, end to end). Counted after the batch committed and its offsets were
 * acknowledged, so an attempt that failed and is retried is not counted twice.
 */
@Component
class ConsumptionMetrics {

    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final DistributionSummary batchSizes;
    private final Timer apply;
    private final Timer delay;
    private final Clock clock = Clock.systemUTC();

    ConsumptionMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(
                    outcome,
                    Counter.builder("ledger.events")
                            .description("Wallet events consumed, by what they did to the ledger")
                            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
        this.registry = registry;
        Refusal.reasons().forEach(this::deadLetterCounter);
        batchSizes = DistributionSummary.builder("ledger.batch.records")
                .description("Records applied per poll, in one transaction")
                .register(registry);
        apply = Timer.builder("ledger.apply")
                .description("One poll's apply, from the start of its transaction to its acknowledged offsets")
                .publishPercentileHistogram()
                .register(registry);
        delay = Timer.builder("ledger.event.delay")
                .description(
                        "From a top-up's commit in the api-service (ce_time) to its ledger entry's acknowledgement;"
                                + " across hosts, their clocks' difference is in it too")
                .publishPercentileHistogram()
                .register(registry);
    }

    void count(List<AppliedRecord> batch, long applyNanos) {
        batch.forEach(
                record -> Objects.requireNonNull(outcomes.get(record.outcome())).increment());
        batchSizes.record(batch.size());
        apply.record(applyNanos, TimeUnit.NANOSECONDS);
        Instant now = clock.instant();
        for (AppliedRecord record : batch) {
            Instant committed = record.outcome() == Outcome.APPLIED ? committedAt(record) : null;
            if (committed != null) {
                Duration waited = Duration.between(committed, now);
                // A clock behind the api-service's would make it negative: shown as no delay rather than dropped.
                delay.record(waited.isNegative() ? Duration.ZERO : waited);
            }
        }
    }

    /** The event's {@code ce_time}, which the relay sets from the outbox row; none if absent or unreadable. */
    private static @Nullable Instant committedAt(AppliedRecord applied) {
        Header time = applied.record().headers().lastHeader(CloudEventHeaders.TIME);
        if (time == null || time.value() == null) {
            return null;
        }
        try {
            return Instant.parse(new String(time.value(), StandardCharsets.UTF_8));
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    void countDeadLetter(String reason) {
        deadLetterCounter(reason).increment();
    }

    private Counter deadLetterCounter(String reason) {
        return deadLetters.computeIfAbsent(
                reason,
                r -> Counter.builder("ledger.dead.letters")
                        .description("Records set aside on the dead-letter topic, by reason")
                        .tag("reason", r)
                        .register(registry));
    }
}
