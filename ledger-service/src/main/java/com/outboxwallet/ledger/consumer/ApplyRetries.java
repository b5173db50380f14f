package com.outboxwallet.ledger.consumer;

import com.outboxwallet.ledger.LedgerProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.stereotype.Component;

/**
 * The partitions whose batch could not be applied for a reason of the infrastructure, and how long each waits before
 * its next attempt: 200 ms doubling to 5 s by default ({@code ledger.retry}), without limit. Makes the wait visible
 * while it lasts: a WARN line per failed attempt, the {@code ledger_apply_retries_total} counter, the
 * {@code ledger_apply_stalled_seconds} gauge, and the {@code walletEvents} health component DOWN until the partition's
 * batch applies, naming the records held ({@code records}: topic-partition@first..last offset) and the failure
 * ({@code lastFailure}), so an operator can tell a database outage (the {@code db} component DOWN too) from a record
 * the ledger cannot get past (the database UP, one record, the same failure every time: docs/runbook.md). Tracked per
 * partition, so one recovering does not hide another still stuck; a partition that moves to another instance is
 * forgotten here. Liveness does not include this component: a restart would not bring the database back.
 */
@Component("walletEventsHealthIndicator")
class ApplyRetries extends AbstractHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ApplyRetries.class);

    private record Stall(Instant since, int attempts, String lastFailure, String records) {}

    private final Map<TopicPartition, Stall> stalls = new ConcurrentHashMap<>();
    private final Counter retries;
    private final LedgerProperties.Retry backOff;

    ApplyRetries(MeterRegistry meters, LedgerProperties properties) {
        super("The consumer's retry state could not be read");
        this.backOff = properties.retry();
        retries = Counter.builder("ledger.apply.retries")
                .description("Failed attempts to apply a batch that will be retried (infrastructure failures)")
                .register(meters);
        Gauge.builder("ledger.apply.stalled.seconds", this, ApplyRetries::stalledSeconds)
                .description("How long the longest-stalled partition has been waiting to apply a batch; 0 when none is")
                .register(meters);
    }

    /** Whether any of these records' partitions is waiting out a failure. */
    boolean stalled(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().anyMatch(record -> stalls.containsKey(partitionOf(record)));
    }

    /** Since when the longest-waiting partition of these records has been failing; empty if none is. */
    Optional<Instant> stalledSince(List<ConsumerRecord<String, byte[]>> records) {
        return byPartition(records).keySet().stream()
                .map(stalls::get)
                .filter(stall -> stall != null)
                .map(Stall::since)
                .min(Comparator.naturalOrder());
    }

    /**
     * Applying these records failed for a reason that may pass; they will be tried again.
     *
     * @return how long to wait first
     */
    Duration failed(List<ConsumerRecord<String, byte[]>> records, @Nullable Throwable failure) {
        retries.increment();
        String reason = summary(failure);
        Instant now = Instant.now();
        int attempts = 0;
        Instant since = now;
        for (Map.Entry<TopicPartition, long[]> partition : byPartition(records).entrySet()) {
            String held = partition.getKey() + "@" + range(partition.getValue());
            Stall stall = stalls.merge(
                    partition.getKey(),
                    new Stall(now, 1, reason, held),
                    (earlier, next) -> new Stall(earlier.since(), earlier.attempts() + 1, reason, held));
            attempts = Math.max(attempts, stall.attempts());
            since = stall.since().isBefore(since) ? stall.since() : since;
        }
        Duration wait = backOffAfter(attempts);
        log.warn(
                "Applying a batch of {} record(s) ({}) failed (attempt {}, stalled for {} s) for a reason of the"
                        + " infrastructure; its partitions wait {} ms and it is tried again, nothing is skipped: {}",
                records.size(),
                positions(records),
                attempts,
                Duration.between(since, now).toSeconds(),
                wait.toMillis(),
                reason);
        return wait;
    }

    /** These records' batch applied: their partitions are no longer stalled. */
    void succeeded(List<ConsumerRecord<String, byte[]>> records) {
        if (stalls.isEmpty()) {
            return;
        }
        for (TopicPartition partition : byPartition(records).keySet()) {
            Stall stall = stalls.remove(partition);
            if (stall != null) {
                log.info(
                        "Applying {} resumed after {} failed attempt(s) over {} s",
                        partition,
                        stall.attempts(),
                        Duration.between(stall.since(), Instant.now()).toSeconds());
            }
        }
    }

    /** The partitions moved to another instance: their stalls, if any, are no longer this one's. */
    void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(stalls::remove);
    }

    /** From {@code ledger.retry}: the initial interval, doubling per attempt, capped. */
    Duration backOffAfter(int attempts) {
        long millis = backOff.initialInterval().toMillis();
        for (int i = 1; i < attempts && millis < backOff.maxInterval().toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, backOff.maxInterval().toMillis()));
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
                .withDetail("stalledPartitions", stalls.size())
                .withDetail("since", oldest.since().toString())
                .withDetail("attempts", oldest.attempts())
                .withDetail("records", oldest.records())
                .withDetail("lastFailure", oldest.lastFailure());
    }

    /** Each partition's first and last offset in the batch, e.g. {@code wallet.events-3@1200..1250}. */
    static String positions(List<ConsumerRecord<String, byte[]>> records) {
        StringBuilder text = new StringBuilder();
        byPartition(records)
                .forEach((partition, range) -> text.append(text.isEmpty() ? "" : ", ")
                        .append(partition)
                        .append('@')
                        .append(range(range)));
        return text.isEmpty() ? "no records" : text.toString();
    }

    /** Each partition's first and last offset among the records. */
    static Map<TopicPartition, long[]> byPartition(List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, long[]> ranges =
                new TreeMap<>(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        for (ConsumerRecord<String, byte[]> record : records) {
            ranges.merge(partitionOf(record), new long[] {record.offset(), record.offset()}, (a, b) ->
                    new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        return ranges;
    }

    private static String range(long[] range) {
        return range[0] == range[1] ? Long.toString(range[0]) : range[0] + ".." + range[1];
    }

    private static TopicPartition partitionOf(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
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
