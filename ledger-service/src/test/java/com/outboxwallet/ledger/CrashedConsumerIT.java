package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * A ledger instance killed with {@code kill -9} leaves the group without saying so; its partitions wait for its
 * session to time out. With Kafka's 45 s default a third of the wallets went unapplied for 45 s after a kill
 * ({@code bin/fault-test}); the ledger's consumers now give theirs up within 10 s.
 */
class CrashedConsumerIT extends LedgerIntegrationTest {

    @Autowired
    ConsumerFactory<String, byte[]> consumers;

    @Test
    void aConsumerThatDiesWithoutLeavingItsGroupHandsItsPartitionsOnWithinSeconds() throws Exception {
        String topic = "crash-" + UUID.randomUUID();
        String group = "crash-group-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        Consumer<String, byte[]> crashing = consumers.createConsumer(group, "crashing", "");
        crashing.subscribe(List.of(topic));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            crashing.poll(Duration.ofMillis(100));
            return crashing.assignment().size() == 2;
        });
        // As a kill -9 would: no more heartbeats, and no LeaveGroup either.
        crashing.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));

        try (Consumer<String, byte[]> survivor = consumers.createConsumer(group, "survivor", "")) {
            survivor.subscribe(List.of(topic));
            long start = System.nanoTime();
            await().atMost(Duration.ofSeconds(25)).until(() -> {
                survivor.poll(Duration.ofMillis(200));
                return survivor.assignment().size() == 2;
            });
            assertThat(survivor.assignment())
                    .containsExactlyInAnyOrder(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(25));
        }
    }
}
