package com.outboxwallet.ledger.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.stereotype.Component;

/**
 * Makes a stalled consumer visible while it waits out an infrastructure failure: a WARN line per back-off step, the
 * {@code ledger_apply_retries_total} counter, the {@code ledger_apply_stalled_seconds} gauge, and the
 * {@code walletEvents} health component DOWN until a batch applies again. Tracked per listener thread, so one
 * consumer recovering does not hide another that is still stuck. Liveness does not include this component: a
 * restart would not bring the database back.
 */
@Component("walletEventsHealthIndicator")
class ApplyRetries extends AbstractHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ApplyRetries.class);

    private record Stall(Instant since, int attempts, String lastFailure) {}

    private final Map<String, Stall> stalls = new ConcurrentHashMap<>();
    private final Counter retries;

    ApplyRetries(MeterRegistry meters) {
        super("The consumer's retry state could not be read");
        retries = Counter.builder("ledger.apply.retries")
                .description("Failed attempts to apply a batch that will be retried (infrastructure failures)")
                .register(meters);
        Gauge.builder("ledger.apply.stalled.seconds", this, ApplyRetries::stalledSeconds)
                .description("How long the longest-stalled consumer has been retrying a batch; 0 when none is")
                .register(meters);
    }

    /** An attempt to apply a batch of {@code records} failed for a reason that may pass; it will be retried. */
    void failed(int records, int attempt, @Nullable Exception failure) {
        retries.increment();
        String reason = summary(failure);
        Stall stall = stalls.merge(
                Thread.currentThread().getName(),
                new Stall(Instant.now(), attempt, reason),
                (earlier, now) -> new Stall(earlier.since(), attempt, reason));
        log.warn(
                "Applying a batch of {} record(s) failed (attempt {}, stalled for {} s); its partitions are paused "
                        + "and it will be retried, nothing is skipped: {}",
                records,
                attempt,
                Duration.between(stall.since(), Instant.now()).toSeconds(),
                reason);
    }

    /** A batch applied: this consumer is no longer stalled. */
    void succeeded() {
        Stall stall = stalls.remove(Thread.currentThread().getName());
        if (stall != null) {
            log.info(
                    "Applying resumed after {} failed attempt(s) over {} s",
                    stall.attempts(),
                    Duration.between(stall.since(), Instant.now()).toSeconds());
        }
    }

    double stalledSeconds() {
        return stalls.values().stream()
                .map(Stall::since)
                .min(Comparator.naturalOrder())
                .map(since -> Duration.between(since, Instant.now()).toMillis() / 1000.0)
                .orElse(0.0);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (stalls.isEmpty()) {
            builder.up();
            return;
        }
        Stall oldest =
                stalls.values().stream().min(Comparator.comparing(Stall::since)).orElseThrow();
        builder.down()
                .withDetail("stalledConsumers", stalls.size())
                .withDetail("since", oldest.since().toString())
                .withDetail("attempts", oldest.attempts())
                .withDetail("lastFailure", oldest.lastFailure());
    }

    /** The failure and its innermost cause, which is usually the one that says what is wrong. */
    private static String summary(@Nullable Throwable thrown) {
        if (thrown == null) {
            return "no exception given"; // Spring Kafka's retry listener may pass none
        }
        Throwable failure = thrown instanceof ListenerExecutionFailedException && thrown.getCause() != null
                ? thrown.getCause()
                : thrown;
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure
                ? outer
                : outer + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
