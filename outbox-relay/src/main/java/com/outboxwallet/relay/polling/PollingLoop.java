package com.outboxwallet.relay.polling;

import com.outboxwallet.process.ConditionalOnServing;
import com.outboxwallet.relay.RelayProperties;
import com.outboxwallet.relay.leadership.RelayLeadership;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * On the leading instance only: drains the outbox, then waits {@code relay.polling.interval}. After a failure it backs
 * off exponentially (Spring's {@link ExponentialBackOff}) up to {@code relay.polling.max-backoff}, so an outage of
 * Kafka or PostgreSQL costs neither a busy loop nor memory: the unpublished rows simply wait in the table.
 */
@Component
@ConditionalOnServing
class PollingLoop implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

    private final PollingPublisher publisher;
    private final RelayLeadership leadership;
    private final PollingGate gate;
    private final RelayProperties.Polling settings;
    private final Clock clock = Clock.systemUTC();
    private final ExponentialBackOff backOff;
    private @Nullable BackOffExecution
            failing; // the pauses of the current run of failures; null while publishing works
    private int consecutiveFailures;
    private Instant pausedUntil = Instant.MIN;

    PollingLoop(PollingPublisher publisher, RelayLeadership leadership, PollingGate gate, RelayProperties properties) {
        this.publisher = publisher;
        this.leadership = leadership;
        this.gate = gate;
        this.settings = properties.polling();
        // Twice the interval after the first failure, doubling up to max-backoff, for as long as failures go on.
        this.backOff =
                new ExponentialBackOff(settings.interval().multipliedBy(2).toMillis(), 2.0);
        this.backOff.setMaxInterval(settings.maxBackoff().toMillis());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::drain, settings.interval());
    }

    void drain() {
        if (!leadership.isLeader() || !gate.open() || clock.instant().isBefore(pausedUntil)) {
            return;
        }
        try {
            while (leadership.isLeader() && publisher.publishBatch() == settings.batchSize()) {
                // a full batch means more may be waiting
            }
            consecutiveFailures = 0;
            failing = null;
        } catch (RuntimeException e) {
            consecutiveFailures++;
            if (failing == null) {
                failing = backOff.start();
            }
            Duration backoff = Duration.ofMillis(failing.nextBackOff());
            pausedUntil = clock.instant().plus(backoff);
            log.warn(
                    "Publishing failed ({} in a row), retrying in {}: {}",
                    consecutiveFailures,
                    backoff,
                    e.getMessage());
        }
    }
}
