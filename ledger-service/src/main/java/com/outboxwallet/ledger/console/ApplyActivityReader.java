package com.outboxwallet.ledger.console;

import com.outboxwallet.process.ConditionalOnServing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads the meters the consumer registers (ConsumptionMetrics: {@code ledger.events}, {@code ledger.apply},
 * {@code ledger.dead.letters}) by name, and turns two readings into a rate: the counters only ever grow, so the
 * difference between this view and the one before, over the time between them, is the rate of that span. The page
 * refreshes itself, so the span is about its refresh interval; with several operators watching it is the time since
 * any of them last looked, never shorter than {@link #SHORTEST_SPAN}, under which a rate is mostly noise.
 */
@Component
@ConditionalOnServing
public class ApplyActivityReader {

    static final Duration SHORTEST_SPAN = Duration.ofSeconds(1);

    private final MeterRegistry meters;
    private final LongSupplier nanoTime;
    private final AtomicReference<Reading> previous = new AtomicReference<>();

    @Autowired
    ApplyActivityReader(MeterRegistry meters) {
        this(meters, System::nanoTime);
    }

    /** @param nanoTime the clock of the spans, {@link System#nanoTime()} but in tests */
    ApplyActivityReader(MeterRegistry meters, LongSupplier nanoTime) {
        this.meters = meters;
        this.nanoTime = nanoTime;
    }

    /** The meters' values at one moment. */
    private record Reading(long atNanos, double applied, double consumed, double polls, double applySeconds) {}

    public ApplyActivity read() {
        double applied = events("applied");
        double duplicate = events("duplicate");
        double skipped = events("skipped");
        double setAside = events("set_aside");
        Optional<Timer> apply = Optional.ofNullable(meters.find("ledger.apply").timer());
        Reading now = new Reading(
                nanoTime.getAsLong(),
                applied,
                applied + duplicate + skipped + setAside,
                apply.map(Timer::count).orElse(0L),
                apply.map(t -> t.totalTime(TimeUnit.SECONDS)).orElse(0.0));
        // Keep the older reading until the span is long enough, so quick reloads do not shrink it to noise.
        Reading before = previous.getAndUpdate(kept -> kept == null || longEnough(kept, now) ? now : kept);

        @Nullable Double span = null;
        @Nullable Double appliedRate = null;
        @Nullable Double consumedRate = null;
        @Nullable Double meanApply = null;
        if (before != null && longEnough(before, now)) {
            span = (now.atNanos() - before.atNanos()) / 1e9;
            appliedRate = (now.applied() - before.applied()) / span;
            consumedRate = (now.consumed() - before.consumed()) / span;
            double polls = now.polls() - before.polls();
            meanApply = polls == 0 ? null : (now.applySeconds() - before.applySeconds()) / polls;
        }
        return new ApplyActivity(
                applied,
                duplicate,
                skipped,
                setAside,
                sum("ledger.dead.letters"),
                now.polls(),
                apply.map(t -> t.max(TimeUnit.SECONDS)).orElse(0.0),
                span,
                appliedRate,
                consumedRate,
                meanApply);
    }

    private static boolean longEnough(Reading before, Reading now) {
        return now.atNanos() - before.atNanos() >= SHORTEST_SPAN.toNanos();
    }

    private double events(String outcome) {
        return Optional.ofNullable(
                        meters.find("ledger.events").tag("outcome", outcome).counter())
                .map(Counter::count)
                .orElse(0.0);
    }

    /** Every series of a counter together, whatever its tags. */
    private double sum(String name) {
        return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }
}
