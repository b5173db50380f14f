package com.outboxwallet.bench;

import com.outboxwallet.events.OutboxMessage;
import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.events.WalletEventCodec;
import com.outboxwallet.relay.RelayProperties;
import com.outboxwallet.relay.kafka.CloudEventRecords;
import com.outboxwallet.relay.outbox.OutboxRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A fresh topic filled with top-up events exactly as the relay publishes them: created with the relay's own partition
 * count, and every record built by the relay's own {@link CloudEventRecords} with its settings from
 * {@code outbox-relay.yml}, so headers, key and layout cannot drift from what the ledger meets in production. Each
 * wallet's events carry sequences 1, 2, 3... in order with a consistent balance. Events are made as they are sent,
 * never held in a list.
 */
final class TopUpTopic {

    /** Exact amounts of a few shapes, so the balance check means something; never a binary float. */
    private static final List<BigDecimal> AMOUNTS =
            Stream.of("10.00", "25.50", "7.25").map(BigDecimal::new).toList();
    /** The wallets' default currency (api-service.yml); the ledger takes it from the event. */
    private static final String CURRENCY = "IDR";

    private TopUpTopic() {}

    /**
     * @param elapsedNanos from the first send to the broker's acknowledgement of the last
     * @param total        the sum of every amount sent
     * @param partitions   the topic's partitions, as the relay's configuration creates it
     */
    record Filled(long elapsedNanos, BigDecimal total, int partitions) {}

    static Filled fill(String bootstrapServers, String topic, int events, int wallets) throws Exception {
        RelayProperties relay = ServiceConfiguration.of("outbox-relay", Map.of("relay.topic.name", topic))
                .bind("relay", RelayProperties.class)
                .get();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(
                            topic, relay.topic().partitions(), relay.topic().replicas())))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        CloudEventRecords records = new CloudEventRecords(relay);
        WalletEventCodec codec = new WalletEventCodec();
        UUID[] walletIds = randomIds(wallets);
        UUID[] userIds = randomIds(wallets);
        BigDecimal[] balances = new BigDecimal[wallets];
        Arrays.fill(balances, BigDecimal.ZERO);
        BigDecimal total = BigDecimal.ZERO;
        AtomicReference<Exception> failure = new AtomicReference<>();

        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
            for (int i = 0; i < events && failure.get() == null; i++) {
                int wallet = i % wallets;
                long sequence = i / wallets + 1L;
                BigDecimal amount = AMOUNTS.get(i % AMOUNTS.size());
                balances[wallet] = balances[wallet].add(amount);
                total = total.add(amount);
                TopUpAccepted event = new TopUpAccepted(
                        UUID.randomUUID(),
                        walletIds[wallet],
                        userIds[wallet],
                        amount,
                        CURRENCY,
                        balances[wallet],
                        sequence,
                        Instant.now().truncatedTo(ChronoUnit.MICROS));
                OutboxRow row = new OutboxRow(
                        i + 1L,
                        new OutboxMessage(
                                UUID.randomUUID(),
                                "wallet",
                                event.walletId(),
                                TopUpAccepted.TYPE,
                                codec.toJson(event),
                                "bench-" + event.topUpId(),
                                sequence,
                                event.occurredAt(),
                                null));
                producer.send(records.toRecord(row), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("pre-filling " + topic + " failed", failure.get());
        }
        return new Filled(System.nanoTime() - start, total, relay.topic().partitions());
    }

    /** Idempotent with acks=all like the relay's producer, but batching harder: only the fill's speed matters here. */
    private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static UUID[] randomIds(int count) {
        UUID[] ids = new UUID[count];
        Arrays.setAll(ids, i -> UUID.randomUUID());
        return ids;
    }
}
