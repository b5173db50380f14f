package com.outboxwallet.ledger.consumer;

import com.outboxwallet.ledger.LedgerProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The dead-letter topic, made by the ledger to keep what it holds: as many partitions as the wallet events topic (a
 * record keeps its partition, so one wallet's dead letters stay in order), the same replication and
 * {@code min.insync.replicas}, retention {@code ledger.dead-letter-retention} (unset: for ever, as the events topic),
 * and room for the largest record the events topic takes plus the dead-letter headers. Checked and set at start and
 * before the first dead letter, since the events topic may not exist yet when the ledger starts; a topic made earlier
 * with fewer partitions or the broker's default retention is corrected.
 */
@Component
class DeadLetterTopicSetup {

    /** Room for the dead-letter headers on top of the largest record the events topic accepts. */
    static final int HEADER_ROOM = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopicSetup.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaAdmin kafka;
    private final LedgerProperties properties;
    private volatile int partitions;

    DeadLetterTopicSetup(KafkaAdmin kafka, LedgerProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    /** Checked when the consumer starts; a failure here is only logged, the topic is checked again when needed. */
    void checkAtStart() {
        try {
            ensure();
        } catch (RuntimeException e) {
            log.warn(
                    "The dead-letter topic {} could not be checked at start ({}); it is checked again before the first"
                            + " dead letter",
                    properties.deadLetterTopic(),
                    e.getMessage());
        }
    }

    /**
     * @return the dead-letter topic's partitions, at least the events topic's
     * @throws IllegalStateException when Kafka cannot be reached or refuses; the caller retries
     */
    int ensure() {
        int known = partitions;
        if (known > 0) {
            return known;
        }
        synchronized (this) {
            if (partitions == 0) {
                partitions = setUp();
            }
            return partitions;
        }
    }

    private int setUp() {
        try (Admin admin = Admin.create(kafka.getConfigurationProperties())) {
            TopicDescription source = describe(admin, properties.topic());
            if (source == null) {
                throw new IllegalStateException(
                        "the wallet events topic " + properties.topic() + " does not exist yet");
            }
            int count = source.partitions().size();
            Config sourceConfig = configOf(admin, properties.topic());
            Map<String, String> configs = Map.of(
                    TopicConfig.RETENTION_MS_CONFIG,
                    properties.deadLetterRetention() == null
                            ? "-1"
                            : Long.toString(properties.deadLetterRetention().toMillis()),
                    TopicConfig.RETENTION_BYTES_CONFIG,
                    "-1",
                    TopicConfig.CLEANUP_POLICY_CONFIG,
                    TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                    Long.toString(
                            Long.parseLong(value(sourceConfig, TopicConfig.MAX_MESSAGE_BYTES_CONFIG)) + HEADER_ROOM),
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                    value(sourceConfig, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG));
            TopicDescription deadLetters = describe(admin, properties.deadLetterTopic());
            if (deadLetters == null) {
                short replicas =
                        (short) source.partitions().getFirst().replicas().size();
                try {
                    await(admin.createTopics(List.of(
                                    new NewTopic(properties.deadLetterTopic(), count, replicas).configs(configs)))
                            .all());
                    log.info(
                            "Created the dead-letter topic {} with {} partitions", properties.deadLetterTopic(), count);
                } catch (IllegalStateException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            } else if (deadLetters.partitions().size() < count) {
                await(admin.createPartitions(Map.of(properties.deadLetterTopic(), NewPartitions.increaseTo(count)))
                        .all());
                log.info(
                        "The dead-letter topic {} had {} partitions; now {}, as the events topic",
                        properties.deadLetterTopic(),
                        deadLetters.partitions().size(),
                        count);
            }
            List<AlterConfigOp> set = new ArrayList<>();
            configs.forEach((name, value) ->
                    set.add(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET)));
            await(admin.incrementalAlterConfigs(
                            Map.of(new ConfigResource(ConfigResource.Type.TOPIC, properties.deadLetterTopic()), set))
                    .all());
            return count;
        }
    }

    private static @Nullable TopicDescription describe(Admin admin, String topic) {
        try {
            return await(admin.describeTopics(Set.of(topic)).allTopicNames()).get(topic);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw e;
        }
    }

    private static Config configOf(Admin admin, String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = await(admin.describeConfigs(Set.of(resource)).all()).get(resource);
        if (config == null) {
            throw new IllegalStateException("Kafka gave no configuration for " + topic);
        }
        return config;
    }

    private static String value(Config config, String name) {
        ConfigEntry entry = config.get(name);
        if (entry == null || entry.value() == null) {
            throw new IllegalStateException("the wallet events topic has no " + name);
        }
        return entry.value();
    }

    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("Kafka refused: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
