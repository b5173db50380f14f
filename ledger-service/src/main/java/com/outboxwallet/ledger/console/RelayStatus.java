package com.outboxwallet.ledger.console;

import com.outboxwallet.ledger.console.PrometheusText.Sample;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * What one scrape of the relay's {@code /actuator/prometheus} says about publishing, by the names the relay's
 * {@code RelayMetrics}, {@code SlotMonitor} and {@code HybridSwitch} register. A figure the relay did not export (slot
 * lag outside CDC mode, a renamed meter) is {@code null} and shows as such: the page never guesses it.
 *
 * @param source      the address scraped
 * @param unreachable why the relay could not be read, or {@code null} when it was
 * @param instance    the scraped instance's id ({@code relay_leader}'s {@code instance} label)
 * @param mode        polling, cdc or hybrid ({@code relay_leader}'s {@code mode} label)
 * @param leading     whether the scraped instance is the one publishing
 */
public record RelayStatus(
        URI source,
        @Nullable String unreachable,
        @Nullable Double oldestUnpublishedAgeSeconds,
        @Nullable Double unpublishedRows,
        @Nullable Double eventsPublished,
        @Nullable Double publishFailures,
        @Nullable String instance,
        @Nullable String mode,
        @Nullable Boolean leading,
        @Nullable Double slotLagBytes,
        @Nullable Double walHeldBytes,
        @Nullable Double hybridPollerActive) {

    static final String OLDEST_UNPUBLISHED_AGE = "relay_outbox_oldest_unpublished_age_seconds";
    static final String UNPUBLISHED = "relay_outbox_unpublished_rows";
    static final String EVENTS_PUBLISHED = "relay_events_published_total";
    static final String PUBLISH_FAILURES = "relay_publish_failures_total";
    static final String LEADER = "relay_leader";
    static final String SLOT_LAG = "relay_cdc_slot_lag_bytes";
    static final String WAL_HELD = "relay_cdc_slot_wal_held_bytes";
    static final String HYBRID_POLLER_ACTIVE = "relay_hybrid_poller_active";

    /** Where the hybrid relay's poller takes over from CDC (relay.hybrid.takeover-age): an age to look at. */
    private static final double AGE_WORTH_A_LOOK_SECONDS = 5;

    static RelayStatus unreachable(URI source, String why) {
        return new RelayStatus(source, why, null, null, null, null, null, null, null, null, null, null);
    }

    static RelayStatus from(URI source, List<Sample> samples) {
        Optional<Sample> leader = first(samples, LEADER);
        return new RelayStatus(
                source,
                null,
                value(samples, OLDEST_UNPUBLISHED_AGE),
                value(samples, UNPUBLISHED),
                value(samples, EVENTS_PUBLISHED),
                value(samples, PUBLISH_FAILURES),
                leader.map(s -> s.label("instance")).orElse(null),
                leader.map(s -> s.label("mode")).orElse(null),
                leader.map(s -> s.value() == 1).orElse(null),
                value(samples, SLOT_LAG),
                value(samples, WAL_HELD),
                value(samples, HYBRID_POLLER_ACTIVE));
    }

    private static Optional<Sample> first(List<Sample> samples, String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).findFirst();
    }

    private static @Nullable Double value(List<Sample> samples, String name) {
        return first(samples, name).map(Sample::value).orElse(null);
    }

    public boolean reachable() {
        return unreachable == null;
    }

    /** Unpublished rows waiting longer than the hybrid relay's take-over age: worth a look, not yet an alarm. */
    public boolean outboxWaiting() {
        return oldestUnpublishedAgeSeconds != null && oldestUnpublishedAgeSeconds > AGE_WORTH_A_LOOK_SECONDS;
    }

    public String oldestUnpublishedAge() {
        return show(oldestUnpublishedAgeSeconds, age -> age == 0 ? "0 s (nothing waiting)" : Figures.seconds(age));
    }

    /** Counted by the relay up to 100,000: past that, the oldest row's age says more. */
    public String unpublished() {
        return show(unpublishedRows, Figures::count);
    }

    public String published() {
        return show(eventsPublished, Figures::count);
    }

    public String failures() {
        return show(publishFailures, Figures::count);
    }

    public String modeShown() {
        return mode == null ? Figures.NOT_EXPORTED : mode;
    }

    public String leadership() {
        if (leading == null) {
            return Figures.NOT_EXPORTED;
        }
        return leading
                ? "this instance (" + instance + ") leads and publishes"
                : "this instance (" + instance + ") stands by; another instance leads";
    }

    /** In hybrid mode, which path carries the events right now. */
    public String carrier() {
        if (hybridPollerActive == null) {
            return "hybrid".equals(mode) ? Figures.NOT_EXPORTED : "only in hybrid mode";
        }
        return hybridPollerActive == 1 ? "the poller (CDC is not streaming, lags or left rows waiting)" : "CDC";
    }

    public String slotLag() {
        return slotLagBytes == null ? noSlot() : Figures.bytes(slotLagBytes);
    }

    public String walHeld() {
        return walHeldBytes == null ? noSlot() : Figures.bytes(walHeldBytes);
    }

    private String noSlot() {
        return "polling".equals(mode) ? "no slot in polling mode" : Figures.NOT_EXPORTED;
    }

    private static String show(@Nullable Double value, DoubleFunction<String> format) {
        return value == null ? Figures.NOT_EXPORTED : format.apply(value);
    }
}
