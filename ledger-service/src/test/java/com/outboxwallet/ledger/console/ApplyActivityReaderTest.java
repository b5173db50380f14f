package com.outboxwallet.ledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A rate from two readings of the ledger's counters, on meters named as ConsumptionMetrics names them. */
class ApplyActivityReaderTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicLong nanos = new AtomicLong();
    private final ApplyActivityReader reader = new ApplyActivityReader(meters, nanos::get);
    private final Counter applied = meters.counter("ledger.events", "outcome", "applied");
    private final Counter duplicate = meters.counter("ledger.events", "outcome", "duplicate");
    private final Timer apply = meters.timer("ledger.apply");

    @Test
    void theFirstViewHasTotalsAndTheNextOneTheRateBetweenThem() {
        applied.increment(100);
        ApplyActivity first = reader.read();
        assertThat(first.applied()).isEqualTo(100);
        assertThat(first.hasRate()).isFalse();

        applied.increment(50);
        duplicate.increment(10);
        apply.record(Duration.ofMillis(30));
        apply.record(Duration.ofMillis(10));
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        ApplyActivity second = reader.read();

        assertThat(second.spanSeconds()).isEqualTo(10.0);
        assertThat(second.appliedPerSecond()).isEqualTo(5.0);
        assertThat(second.consumedPerSecond()).isEqualTo(6.0);
        assertThat(second.meanApplyInSpan()).isEqualTo(0.020);
        assertThat(second.rate()).isEqualTo("5.0/s applied (6.0/s consumed) over the last 10.0 s");
    }

    @Test
    void aQuickReloadKeepsTheOlderReadingSoTheSpanDoesNotShrinkToNoise() {
        reader.read();
        nanos.addAndGet(Duration.ofMillis(300).toNanos());
        assertThat(reader.read().hasRate()).isFalse();

        nanos.addAndGet(Duration.ofMillis(900).toNanos());
        assertThat(reader.read().spanSeconds()).isEqualTo(1.2);
    }
}
