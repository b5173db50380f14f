package com.outboxwallet.relay.metrics;

import com.outboxwallet.relay.RelayProperties;
import com.outboxwallet.relay.outbox.OutboxRow;
import com.outboxwallet.relay.outbox.OutboxStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;

/**
 * What an operator watches (docs/runbook.md): events published, publish failures, the age of the oldest unpublished
 * row and how many wait, commit→publish latency, and which instance leads in which mode.
 */
@Component
public class RelayMetrics {

    /** Where the backlog gauge stops counting: beyond it, the oldest row's age says more than the number. */
    static final long UNPUBLISHED_COUNTED_UP_TO = 100_000;

    private final MeterRegistry registry;
    private final RelayProperties properties;
    private final Counter published;
    private final Counter failures;
    private final Timer latency;
    private final Clock clock = Clock.systemUTC();

    RelayMetrics(MeterRegistry registry, RelayProperties properties, OutboxStore outbox) {
        this.registry = registry;
        this.properties = properties;
        this.published = Counter.builder("relay.events.published")
                .description("outbox rows acknowledged by Kafka (re-sends after a crash count again)")
                .register(registry);
        this.failures = Counter.builder("relay.publish.failures")
                .description("batches Kafka did not acknowledge; they are retried")
                .register(registry);
        this.latency = Timer.builder("relay.publish.latency")
                .description("from the top-up's commit to Kafka's acknowledgement")
                .publishPercentileHistogram()
                .register(registry);
        Gauge.builder(
                        "relay.outbox.oldest.unpublished.age",
                        outbox,
                        store -> store.oldestUnpublishedAge()
                                        .map(Duration::toMillis)
                                        .orElse(0L)
                                / 1000.0)
                .description("seconds the oldest unpublished outbox row has waited")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("relay.outbox.unpublished", outbox, store -> store.unpublishedRows(UNPUBLISHED_COUNTED_UP_TO))
                .description("outbox rows waiting to be published, counted up to " + UNPUBLISHED_COUNTED_UP_TO)
                .baseUnit("rows")
                .register(registry);
    }

    public void published(List<OutboxRow> batch) {
        published.increment(batch.size());
        var now = clock.instant();
        batch.forEach(row -> latency.record(Duration.between(row.message().occurredAt(), now)));
    }

    public void publishFailed() {
        failures.increment();
    }

    /** 1 on the instance that leads, 0 on standbys, tagged with the instance and the mode it runs. */
    public void registerLeadership(String instanceId, BooleanSupplier leader) {
        Gauge.builder("relay.leader", leader, supplier -> supplier.getAsBoolean() ? 1 : 0)
                .description("1 when this instance is the one publishing")
                .strongReference(true) // the supplier is a method reference nothing else holds
                .tag("instance", instanceId)
                .tag("mode", properties.mode().name().toLowerCase())
                .register(registry);
    }
}
