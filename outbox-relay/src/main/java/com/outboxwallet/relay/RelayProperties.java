package com.outboxwallet.relay;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param mode       how new rows are found: {@code polling} (query the table), {@code cdc} (PostgreSQL logical
 *                   replication through the Debezium embedded engine), or {@code hybrid} (CDC, with the poller taking
 *                   over while CDC is down or behind)
 * @param instanceId names this instance in logs and metrics; host name and process id by default
 */
@Validated
@ConfigurationProperties("relay")
public record RelayProperties(
        @NotNull RelayMode mode,
        String instanceId,
        @Valid @NotNull Topic topic,
        @Valid @NotNull Polling polling,
        @Valid @NotNull CloudEvents cloudEvents,
        @Valid @NotNull Leadership leadership,
        @Valid @NotNull Retention retention,
        @Valid @NotNull Cdc cdc,
        @Valid @NotNull Hybrid hybrid) {

    public RelayProperties {
        // Not a default but a name made up when none is given: unique per process, as an instance must be.
        instanceId = instanceId == null || instanceId.isBlank() ? hostAndPid() : instanceId;
    }

    public enum RelayMode {
        POLLING,
        CDC,
        HYBRID;

        /** Whether this mode runs the Debezium engine. */
        public boolean usesCdc() {
            return this != POLLING;
        }
    }

    /**
     * The topic is created with these settings when it does not exist. Its retention and {@code min.insync.replicas}
     * are also set on an existing topic at start (partitions and replicas are not changed there).
     *
     * @param retention         how long the topic keeps events; unset keeps them for ever, which a replay from the
     *                          earliest offset ({@code replay --from earliest}) needs: the ledger is rebuilt from it
     * @param minInsyncReplicas replicas that must have an event before it counts as sent ({@code acks=all}); with
     *                          {@code replicas} 3, 2 survives one broker down without losing an acknowledged event
     */
    public record Topic(
            @NotBlank String name,
            @Min(1) int partitions,
            @Min(1) short replicas,
            Duration retention,
            @Min(1) int minInsyncReplicas) {

        /** The topic-level configuration the relay keeps the topic at. */
        public Map<String, String> configs() {
            return Map.of(
                    TopicConfig.RETENTION_MS_CONFIG,
                    retention == null ? "-1" : Long.toString(retention.toMillis()),
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                    Integer.toString(minInsyncReplicas));
        }
    }

    /**
     * @param batchSize  rows claimed, sent and marked per transaction
     * @param interval   pause between polls once the outbox is drained
     * @param maxBackoff longest pause after repeated failures (Kafka or PostgreSQL down)
     */
    public record Polling(
            @Min(1) @Max(5000) int batchSize,
            @NotNull Duration interval,
            @NotNull Duration maxBackoff) {}

    /** @param source the CloudEvents {@code source} of every event the relay publishes */
    public record CloudEvents(@NotBlank String source) {}

    /**
     * @param checkInterval how often a standby tries to take over, and the leader checks it still leads
     * @param lease         how long a leader may miss its checks (frozen, paused, hung) before PostgreSQL ends its
     *                      session, which frees the lock for a standby; at least three check intervals
     */
    public record Leadership(
            @NotNull Duration checkInterval, @NotNull Duration lease) {

        public Leadership {
            if (checkInterval != null && lease != null && lease.compareTo(checkInterval.multipliedBy(3)) < 0) {
                throw new IllegalArgumentException("relay.leadership.lease (" + lease + ") must be at least three"
                        + " times relay.leadership.check-interval (" + checkInterval + ")");
            }
        }
    }

    /**
     * @param keep      how long published rows stay in the outbox (for re-publishing) before they are deleted
     * @param interval  how often the retention job runs
     * @param batchSize rows deleted per statement, so the job never holds long locks
     */
    public record Retention(
            @NotNull Duration keep,
            @NotNull Duration interval,
            @Min(1) int batchSize) {}

    /**
     * @param slotName          the logical replication slot (one per database cluster; keep it stable: it holds
     *                          the relay's position)
     * @param publicationName   the publication, created filtered to the outbox table
     * @param offsetsTable      where Debezium keeps its position, in the outbox's own database
     * @param heartbeatInterval how often an idle relay still moves the slot forward, so it never holds WAL
     * @param lagAlarm          slot lag above which the {@code cdcSlot} health turns DOWN
     * @param restartBackoff    pause before a failed engine is started again
     */
    public record Cdc(
            @NotBlank String slotName,
            @NotBlank String publicationName,
            @NotBlank @Pattern(regexp = "[a-z_][a-z0-9_]*") String offsetsTable,
            @NotNull Duration heartbeatInterval,
            @NotNull DataSize lagAlarm,
            @NotNull Duration restartBackoff) {}

    /**
     * @param takeoverAge the poller takes over when the oldest unpublished row has waited longer than this
     * @param takeoverLag ... or when the slot lags by more than this, or whenever the slot is not streaming
     */
    public record Hybrid(
            @NotNull Duration takeoverAge, @NotNull DataSize takeoverLag) {}

    private static String hostAndPid() {
        try {
            return InetAddress.getLocalHost().getHostName() + "-"
                    + ManagementFactory.getRuntimeMXBean().getPid();
        } catch (UnknownHostException e) {
            return "relay-" + ManagementFactory.getRuntimeMXBean().getPid();
        }
    }
}
