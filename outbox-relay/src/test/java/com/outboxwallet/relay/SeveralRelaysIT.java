package com.outboxwallet.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.relay.leadership.RelayLeadership;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Two relay instances on one outbox: one publishes, the other stands by and takes over; order holds throughout. */
class SeveralRelaysIT extends RelayIntegrationTest {

    @Autowired
    RelayLeadership leadershipOfA;

    @Autowired
    Environment environment;

    @Autowired
    ApplicationContext applicationContext;

    private ConfigurableApplicationContext relayB;

    @BeforeEach
    void startASecondInstance() {
        relayB = StandaloneRelay.start(environment.getProperty("spring.datasource.url"), "--relay.instance-id=relay-b");
    }

    @AfterEach
    void stopIt() {
        if (relayB.isActive()) {
            relayB.close();
        }
        leadershipOfA.start();
    }

    @Test
    void exactlyOneInstanceLeadsAndEveryRowArrivesOnceInWalletOrder() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> leaders() == 1);
        List<UUID> wallets = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        List<UUID> eventIds = writeConcurrently(wallets, 1, 25);

        try (TopicReader topic = new TopicReader(bootstrapServers(), "wallet.events")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.withEventIds(eventIds).size() >= eventIds.size());
            assertThat(topic.withEventIds(eventIds)).hasSize(eventIds.size());
            for (UUID wallet : wallets) {
                assertThat(WalletOrder.firstArrivals(topic.poll(), wallet.toString()))
                        .containsExactlyElementsOf(
                                LongStream.rangeClosed(1, 25).boxed().toList());
            }
        }
        assertThat(leaders()).isEqualTo(1);
        assertThat(leaderGauge(relayB) + leaderGauge(applicationContext)).isEqualTo(1.0);
    }

    private static double leaderGauge(ApplicationContext relay) {
        return relay.getBean(MeterRegistry.class).get("relay.leader").gauge().value();
    }

    @Test
    void whenTheLeaderDiesTheStandbyTakesOverAndNothingIsLostOrReordered() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> leaders() == 1);
        UUID wallet = UUID.randomUUID();
        List<UUID> eventIds = new ArrayList<>(writeConcurrently(List.of(wallet), 1, 10));
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 0);

        boolean aLed = leadershipOfA.isLeader();
        if (aLed) {
            leadershipOfA.stop(); // closes its session: PostgreSQL frees the lock as it would for a dead process
        } else {
            relayB.close();
        }
        RelayLeadership survivor = aLed ? relayB.getBean(RelayLeadership.class) : leadershipOfA;
        await().atMost(Duration.ofSeconds(10)).until(survivor::isLeader);
        eventIds.addAll(writeConcurrently(List.of(wallet), 11, 20));

        try (TopicReader topic = new TopicReader(bootstrapServers(), "wallet.events")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.withEventIds(eventIds).size() >= eventIds.size());
            assertThat(WalletOrder.firstArrivals(topic.poll(), wallet.toString()))
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, 20).boxed().toList());
        }
    }

    @Test
    void aFrozenLeaderLosesItsLeaseToTheStandbyAndNeitherPublishesARowTwice() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> leaders() == 1);
        RelayLeadership leader = leadershipOfA.isLeader() ? leadershipOfA : relayB.getBean(RelayLeadership.class);
        RelayLeadership standby = leader == leadershipOfA ? relayB.getBean(RelayLeadership.class) : leadershipOfA;
        UUID wallet = UUID.randomUUID();
        List<UUID> eventIds = new ArrayList<>();

        // The leader's checks are synchronized on it: holding its monitor stops them as a SIGSTOP would, and its
        // session falls silent while its connection stays open. Its publishing thread still believes it leads.
        synchronized (leader) {
            eventIds.addAll(writeConcurrently(List.of(wallet), 1, 10));
            await().atMost(Duration.ofSeconds(20)).until(standby::isLeader);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !leader.isLeader());
        eventIds.addAll(writeConcurrently(List.of(wallet), 11, 20));

        try (TopicReader topic = new TopicReader(bootstrapServers(), "wallet.events")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.withEventIds(eventIds).size() >= eventIds.size());
            List<ConsumerRecord<String, byte[]>> records = topic.poll();
            assertThat(WalletOrder.firstArrivals(records, wallet.toString()))
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, 20).boxed().toList());
            assertThat(topic.withEventIds(eventIds))
                    .as("each row published once")
                    .hasSize(20);
        }
        assertThat(leaders()).isEqualTo(1);
    }

    private long leaders() {
        return (leadershipOfA.isLeader() ? 1 : 0)
                + (relayB.isActive() && relayB.getBean(RelayLeadership.class).isLeader() ? 1 : 0);
    }

    private long unpublished() {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE published_at IS NULL")
                .query(Long.class)
                .single();
    }

    /** One writer per wallet, as the api-service's row lock makes it: a wallet's events commit in sequence order. */
    private List<UUID> writeConcurrently(List<UUID> wallets, long firstSequence, long lastSequence) throws Exception {
        List<Callable<List<UUID>>> writers = wallets.stream()
                .map(wallet -> (Callable<List<UUID>>) () -> {
                    List<UUID> ids = new ArrayList<>();
                    for (long sequence = firstSequence; sequence <= lastSequence; sequence++) {
                        ids.add(OutboxRows.anEventFor(jdbc, wallet, sequence));
                    }
                    return ids;
                })
                .toList();
        List<UUID> all = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(wallets.size())) {
            for (Future<List<UUID>> writer : pool.invokeAll(writers)) {
                all.addAll(writer.get());
            }
        }
        return all;
    }
}
