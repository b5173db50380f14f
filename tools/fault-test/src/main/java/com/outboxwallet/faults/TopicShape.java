package com.outboxwallet.faults;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The events topic as the brokers have it: what a lost broker costs depends on it.
 *
 * @param leaders how many partitions each broker (by node id) leads
 */
record TopicShape(int partitions, int replicas, String minInsyncReplicas, Map<Integer, Long> leaders) {

    static TopicShape of(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicDescription topic = Objects.requireNonNull(admin.describeTopics(List.of(Checker.TOPIC))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(Checker.TOPIC));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Checker.TOPIC);
            Config config = Objects.requireNonNull(admin.describeConfigs(List.of(resource))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(resource));
            ConfigEntry minInsync = config.get("min.insync.replicas");
            return new TopicShape(
                    topic.partitions().size(),
                    topic.partitions().getFirst().replicas().size(),
                    minInsync == null ? "?" : minInsync.value(),
                    topic.partitions().stream()
                            .filter(partition -> partition.leader() != null)
                            .collect(Collectors.groupingBy(
                                    partition -> partition.leader().id(), Collectors.counting())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not describe " + Checker.TOPIC, e);
        }
    }

    /** The broker (node id) leading the most partitions, and how many it leads. */
    Map.Entry<Integer, Long> busiestLeader() {
        return leaders.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow(() -> new IllegalStateException(Checker.TOPIC + " has no partition leader"));
    }

    @Override
    public String toString() {
        return Checker.TOPIC + ": " + partitions + " partitions of " + replicas + " replicas, min.insync.replicas "
                + minInsyncReplicas;
    }
}
