package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.events.CloudEventHeaders;
import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.events.WalletEventCodec;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The consumer against a hostile stream, on real Kafka and PostgreSQL: a seeded mix of thousands of valid top-ups with
 * records mutated in every way the contract forbids (missing, null, repeated and oversized headers; huge exponents,
 * negative and over-scaled amounts, wrong JSON types, deep or non-UTF-8 JSON, a megabyte of text, unknown types; a
 * known top-up id with other content, a repeated sequence, a wrong currency) and copies that are true duplicates. It
 * asserts what the ledger promises: every valid event applied once and the balances their sums, every mutated record
 * on the dead-letter topic with the reason expected of it (or absorbed, where it is a duplicate), nothing else there,
 * no partition stalled, the listener containers running.
 *
 * <p>{@code -Dfuzz.seed=…} replays a run; {@code -Dfuzz.valid=100000 -Dfuzz.mutated=20000} is a longer one.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + LedgerServiceApplication.CONFIG_NAME,
            "ledger.topic=" + ConsumerFuzzIT.TOPIC,
            "ledger.dead-letter-topic=" + ConsumerFuzzIT.TOPIC + ".dlt",
            "spring.kafka.consumer.group-id=" + ConsumerFuzzIT.GROUP
        })
class ConsumerFuzzIT extends LedgerTestSupport {

    static final String TOPIC = "wallet.events.fuzz";
    static final String GROUP = "ledger-fuzz-test";

    private static final long SEED = Long.getLong("fuzz.seed", 20261204L);
    private static final int VALID = Integer.getInteger("fuzz.valid", 3000);
    private static final int MUTATED = Integer.getInteger("fuzz.mutated", 700);
    private static final int WALLETS = 40;
    private static final String[] REQUIRED = {
        CloudEventHeaders.ID,
        CloudEventHeaders.SOURCE,
        CloudEventHeaders.TYPE,
        CloudEventHeaders.TIME,
        CloudEventHeaders.SPEC_VERSION,
        CloudEventHeaders.CONTENT_TYPE,
        CloudEventHeaders.WALLET_SEQUENCE
    };

    private final WalletEventCodec codec = new WalletEventCodec();

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure(registry, "ledger_fuzz_test");
    }

    @BeforeAll
    static void itsOwnTopic() throws Exception {
        createTopic(TOPIC, 6);
    }

    @Override
    String topic() {
        return TOPIC;
    }

    /** What a mutated record is expected to become: a dead letter with this reason, or a duplicate (null). */
    enum Mutation {
        NULL_HEADER("missing-attribute"),
        MISSING_HEADER("missing-attribute"),
        REPEATED_HEADER("repeated-attribute"),
        OVERSIZED_HEADERS("oversized"),
        NON_UTF8_HEADER("malformed-attribute"),
        ID_NOT_A_UUID("malformed-attribute"),
        SPEC_VERSION_0_3("unsupported-spec-version"),
        UNTRUSTED_SOURCE("untrusted-source"),
        UNKNOWN_TYPE("unknown-type"),
        HUGE_EXPONENT("invalid-amount"),
        NEGATIVE_AMOUNT("invalid-amount"),
        OVER_SCALED_AMOUNT("invalid-amount"),
        AMOUNT_AS_NUMBER("malformed-payload"),
        SEQUENCE_AS_STRING("malformed-payload"),
        DEEP_JSON("malformed-payload"),
        NON_UTF8_JSON("malformed-payload"),
        RANDOM_BYTES("malformed-payload"),
        NO_VALUE("malformed-payload"),
        MEGABYTE_OF_TEXT("oversized"),
        KEYED_BY_ANOTHER_WALLET("inconsistent"),
        HEADER_SEQUENCE_DISAGREES("inconsistent"),
        KNOWN_TOP_UP_OTHER_CONTENT("conflicting-copy"),
        KNOWN_EVENT_ID_OTHER_TOP_UP("conflicting-copy"),
        REPEATED_SEQUENCE("sequence-conflict"),
        WRONG_CURRENCY("currency-mismatch"),
        EXACT_COPY(null),
        SAME_TOP_UP_NEW_EVENT_ID(null);

        final String reason;

        Mutation(String reason) {
            this.reason = reason;
        }
    }

    /** One record to publish: a valid top-up, or a mutated record and what it should become. */
    private record Planned(ProducerRecord<String, byte[]> record, TopUpAccepted valid, Mutation mutation) {}

    @Test
    void everyValidEventIsAppliedOnceAndEveryMutatedOneIsSetAsideWithItsReasonOrAbsorbed() throws Exception {
        Random random = new Random(SEED);
        List<Planned> plan = plan(random);

        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        2 * 1024 * 1024,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new ByteArraySerializer())) {
            plan.forEach(planned -> sent.add(producer.send(planned.record())));
            producer.flush();
        }
        Map<String, Mutation> deadLettersExpected = new HashMap<>();
        Set<String> copies = new HashSet<>();
        for (int i = 0; i < plan.size(); i++) {
            Mutation mutation = plan.get(i).mutation();
            if (mutation != null) {
                String position = position(sent.get(i).get());
                if (mutation.reason == null) {
                    copies.add(position);
                } else {
                    deadLettersExpected.put(position, mutation);
                }
            }
        }

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(lag())
                        .as("records not yet committed, per partition")
                        .containsOnly(0L));
        Map<String, String> deadLetters = deadLetterReasons();

        assertThat(jdbc.sql("SELECT count(DISTINCT top_up_id) FROM audit_log")
                        .query(Long.class)
                        .single())
                .as("every valid top-up, once")
                .isEqualTo(VALID);
        Set<UUID> validIds = new HashSet<>();
        Map<UUID, BigDecimal> sums = new HashMap<>();
        Map<UUID, Long> counts = new HashMap<>();
        plan.stream().filter(p -> p.mutation() == null).forEach(p -> {
            validIds.add(p.valid().topUpId());
            sums.merge(p.valid().walletId(), p.valid().amount(), BigDecimal::add);
            counts.merge(p.valid().walletId(), 1L, Long::sum);
        });
        assertThat(new HashSet<>(jdbc.sql("SELECT top_up_id FROM audit_log")
                        .query(UUID.class)
                        .list()))
                .as("nothing but the valid top-ups applied")
                .isEqualTo(validIds);
        sums.forEach((wallet, sum) -> {
            assertThat(balanceOf(wallet)).as("balance of %s", wallet).isEqualByComparingTo(sum);
            assertThat(jdbc.sql("SELECT last_sequence FROM wallet_balances WHERE wallet_id = :w")
                            .param("w", wallet)
                            .query(Long.class)
                            .single())
                    .isEqualTo(counts.get(wallet));
        });
        assertThat(jdbc.sql("SELECT count(*) FROM sequence_gaps")
                        .query(Long.class)
                        .single())
                .as("no gap: nothing valid was set aside")
                .isZero();
        assertThat(deadLetters.keySet())
                .as("the dead-letter topic holds every mutated record that is not a duplicate, and nothing else")
                .isEqualTo(deadLettersExpected.keySet());
        Map<String, String> reasonsExpected = new TreeMap<>();
        deadLettersExpected.forEach((position, mutation) -> reasonsExpected.put(position, mutation.reason));
        assertThat(new TreeMap<>(deadLetters)).isEqualTo(reasonsExpected);
        assertThat(copies).doesNotContainAnyElementsOf(deadLetters.keySet());
        assertThat(listeners.getListenerContainers()).allMatch(MessageListenerContainer::isRunning);
        Map<Mutation, Integer> kinds = new EnumMap<>(Mutation.class);
        plan.stream().filter(p -> p.mutation() != null).forEach(p -> kinds.merge(p.mutation(), 1, Integer::sum));
        assertThat(kinds.keySet()).as("every kind of mutation was tried").containsAll(List.of(Mutation.values()));
        System.out.printf("fuzz: seed %d, %d valid top-ups and %d mutated records: %s%n", SEED, VALID, MUTATED, kinds);
    }

    /** The valid top-ups of a few wallets, each wallet's in sequence, with mutated records among them. */
    private List<Planned> plan(Random random) {
        List<UUID> wallets = new ArrayList<>();
        Map<UUID, UUID> users = new HashMap<>();
        for (int i = 0; i < WALLETS; i++) {
            UUID wallet = uuid(random);
            wallets.add(wallet);
            users.put(wallet, uuid(random));
        }
        Map<UUID, Long> sequences = new HashMap<>();
        Map<UUID, BigDecimal> balances = new HashMap<>();
        Map<UUID, List<Planned>> publishedOf = new HashMap<>();
        List<Planned> plan = new ArrayList<>();
        int valid = 0;
        int mutated = 0;
        Mutation[] kinds = Mutation.values();
        while (valid < VALID || mutated < MUTATED) {
            boolean mutate = mutated < MUTATED && (valid == VALID || random.nextInt(VALID + MUTATED) < MUTATED);
            UUID wallet = wallets.get(random.nextInt(wallets.size()));
            List<Planned> earlier = publishedOf.getOrDefault(wallet, List.of());
            if (!mutate) {
                long sequence = sequences.merge(wallet, 1L, Long::sum);
                BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(100_000), 2);
                BigDecimal balance = balances.merge(wallet, amount, BigDecimal::add);
                TopUpAccepted topUp = new TopUpAccepted(
                        uuid(random),
                        wallet,
                        users.get(wallet),
                        amount,
                        "IDR",
                        balance,
                        sequence,
                        Instant.parse("2026-12-04T00:00:00Z").plusMillis(valid));
                Planned planned = new Planned(record(uuid(random), topUp), topUp, null);
                plan.add(planned);
                publishedOf.computeIfAbsent(wallet, w -> new ArrayList<>()).add(planned);
                valid++;
                continue;
            }
            // Mutations of an earlier event need one; until the wallet has one, the first kinds (the record alone).
            Mutation kind = mutated < kinds.length ? kinds[mutated] : kinds[random.nextInt(kinds.length)];
            if (earlier.isEmpty() && needsAnEarlierEvent(kind)) {
                kind = Mutation.values()[random.nextInt(Mutation.KEYED_BY_ANOTHER_WALLET.ordinal())];
            }
            Planned template = earlier.isEmpty() ? null : earlier.get(random.nextInt(earlier.size()));
            TopUpAccepted next = new TopUpAccepted(
                    uuid(random),
                    wallet,
                    users.get(wallet),
                    new BigDecimal("1.00"),
                    "IDR",
                    balances.getOrDefault(wallet, BigDecimal.ZERO).add(BigDecimal.ONE),
                    // A sequence no valid event takes, so that no mutated record stands in a valid one's place.
                    1_000_000_000L + mutated,
                    Instant.parse("2026-12-04T00:00:00Z"));
            plan.add(new Planned(mutate(kind, record(uuid(random), next), next, template, random), null, kind));
            mutated++;
        }
        return plan;
    }

    private static boolean needsAnEarlierEvent(Mutation kind) {
        return kind.ordinal() >= Mutation.KNOWN_TOP_UP_OTHER_CONTENT.ordinal();
    }

    private ProducerRecord<String, byte[]> mutate(
            Mutation kind, ProducerRecord<String, byte[]> fresh, TopUpAccepted next, Planned template, Random random) {
        String required = REQUIRED[random.nextInt(REQUIRED.length)];
        return switch (kind) {
            case NULL_HEADER -> withHeader(fresh, required, null);
            case MISSING_HEADER -> without(fresh, required);
            case REPEATED_HEADER -> {
                fresh.headers()
                        .add(required, fresh.headers().lastHeader(required).value());
                yield fresh;
            }
            case OVERSIZED_HEADERS -> {
                fresh.headers().add("x-padding", "p".repeat(9 * 1024).getBytes(StandardCharsets.UTF_8));
                yield fresh;
            }
            case NON_UTF8_HEADER -> withHeader(fresh, CloudEventHeaders.SOURCE, new byte[] {(byte) 0xC3, 0x28});
            case ID_NOT_A_UUID -> withHeader(fresh, CloudEventHeaders.ID, text("1-1-1-1-1"));
            case SPEC_VERSION_0_3 -> withHeader(fresh, CloudEventHeaders.SPEC_VERSION, text("0.3"));
            case UNTRUSTED_SOURCE -> withHeader(fresh, CloudEventHeaders.SOURCE, text("/someone/else"));
            case UNKNOWN_TYPE -> withHeader(fresh, CloudEventHeaders.TYPE, text("com.outboxwallet.wallet.topup.v9"));
            case HUGE_EXPONENT -> payload(fresh, json -> json.replace("\"1.00\"", "\"1E+2147483647\""));
            case NEGATIVE_AMOUNT -> payload(fresh, json -> json.replace("\"amount\":\"1.00\"", "\"amount\":\"-1.00\""));
            case OVER_SCALED_AMOUNT ->
                payload(fresh, json -> json.replace("\"amount\":\"1.00\"", "\"amount\":\"1.005\""));
            case AMOUNT_AS_NUMBER -> payload(fresh, json -> json.replace("\"amount\":\"1.00\"", "\"amount\":1.00"));
            case SEQUENCE_AS_STRING ->
                payload(
                        fresh,
                        json -> json.replace(
                                "\"sequence\":" + next.sequence(), "\"sequence\":\"" + next.sequence() + "\""));
            case DEEP_JSON -> value(fresh, text("[".repeat(5000) + "]".repeat(5000)));
            case NON_UTF8_JSON -> value(fresh, new byte[] {'{', '"', (byte) 0xFF, (byte) 0xFE, '"', ':', '1', '}'});
            case RANDOM_BYTES -> {
                byte[] bytes = new byte[1 + random.nextInt(2000)];
                random.nextBytes(bytes);
                yield value(fresh, bytes);
            }
            case NO_VALUE -> value(fresh, null);
            case MEGABYTE_OF_TEXT -> value(fresh, text("a".repeat(1_000_000)));
            case KEYED_BY_ANOTHER_WALLET ->
                new ProducerRecord<>(fresh.topic(), null, uuid(random).toString(), fresh.value(), fresh.headers());
            case HEADER_SEQUENCE_DISAGREES -> withHeader(fresh, CloudEventHeaders.WALLET_SEQUENCE, text("1"));
            case KNOWN_TOP_UP_OTHER_CONTENT -> {
                TopUpAccepted known = template.valid();
                yield record(
                        uuid(random),
                        new TopUpAccepted(
                                known.topUpId(),
                                known.walletId(),
                                known.userId(),
                                known.amount().add(BigDecimal.ONE),
                                known.currency(),
                                known.balanceAfter().add(BigDecimal.ONE),
                                known.sequence(),
                                known.occurredAt()));
            }
            case KNOWN_EVENT_ID_OTHER_TOP_UP -> record(eventIdOf(template), next);
            case REPEATED_SEQUENCE ->
                record(
                        uuid(random),
                        new TopUpAccepted(
                                next.topUpId(),
                                next.walletId(),
                                next.userId(),
                                next.amount(),
                                next.currency(),
                                next.balanceAfter(),
                                template.valid().sequence(),
                                next.occurredAt()));
            case WRONG_CURRENCY ->
                record(
                        uuid(random),
                        new TopUpAccepted(
                                next.topUpId(),
                                next.walletId(),
                                next.userId(),
                                next.amount(),
                                "USD",
                                next.balanceAfter(),
                                next.sequence(),
                                next.occurredAt()));
            case EXACT_COPY ->
                new ProducerRecord<>(
                        template.record().topic(),
                        null,
                        template.record().key(),
                        template.record().value(),
                        new RecordHeaders(template.record().headers().toArray()));
            case SAME_TOP_UP_NEW_EVENT_ID -> record(uuid(random), template.valid());
        };
    }

    /** A top-up as the relay publishes it. */
    private ProducerRecord<String, byte[]> record(UUID eventId, TopUpAccepted topUp) {
        return asRecord(TOPIC, eventId, topUp);
    }

    private static UUID eventIdOf(Planned planned) {
        return UUID.fromString(new String(
                planned.record().headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8));
    }

    private static ProducerRecord<String, byte[]> withHeader(
            ProducerRecord<String, byte[]> record, String name, byte[] value) {
        record.headers().remove(name);
        record.headers().add(name, value);
        return record;
    }

    private static ProducerRecord<String, byte[]> without(ProducerRecord<String, byte[]> record, String name) {
        record.headers().remove(name);
        return record;
    }

    private static ProducerRecord<String, byte[]> payload(
            ProducerRecord<String, byte[]> record, UnaryOperator<String> change) {
        String json = new String(record.value(), StandardCharsets.UTF_8);
        String changed = change.apply(json);
        assertThat(changed).as("the mutation changed the payload").isNotEqualTo(json);
        return value(record, text(changed));
    }

    private static ProducerRecord<String, byte[]> value(ProducerRecord<String, byte[]> record, byte[] value) {
        return new ProducerRecord<>(record.topic(), null, record.key(), value, record.headers());
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static UUID uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private static String position(RecordMetadata metadata) {
        return metadata.partition() + ":" + metadata.offset();
    }

    /** Per partition, how many records the ledger's group has not committed: all 0 once nothing is stalled. */
    private static List<Long> lag() throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < 6; partition++) {
                latest.put(new TopicPartition(TOPIC, partition), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.partition(), b.partition())))
                    .map(end -> {
                        OffsetAndMetadata at = committed.get(end.getKey());
                        return end.getValue().offset() - (at == null ? 0 : at.offset());
                    })
                    .toList();
        }
    }

    /** Every dead letter's original position and reason. */
    private static Map<String, String> deadLetterReasons() throws Exception {
        Map<String, String> reasons = new HashMap<>();
        try (Admin admin = admin();
                KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "fuzz-dlt-reader-" + UUID.randomUUID(),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest"),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            String deadLetterTopic = TOPIC + ".dlt";
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(deadLetterTopic))
                    .allTopicNames()
                    .get()
                    .get(deadLetterTopic)
                    .partitions()
                    .forEach(p -> latest.put(new TopicPartition(deadLetterTopic, p.partition()), OffsetSpec.latest()));
            long total = admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
            consumer.subscribe(List.of(deadLetterTopic));
            List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(read::add);
                return read.size() >= total;
            });
            for (ConsumerRecord<String, byte[]> deadLetter : read) {
                String position = ByteBuffer.wrap(deadLetter
                                        .headers()
                                        .lastHeader("kafka_dlt-original-partition")
                                        .value())
                                .getInt()
                        + ":"
                        + ByteBuffer.wrap(deadLetter
                                        .headers()
                                        .lastHeader("kafka_dlt-original-offset")
                                        .value())
                                .getLong();
                String earlier = reasons.put(position, header(deadLetter, "ledger_dlt-reason"));
                assertThat(earlier).as("one dead letter for %s", position).isNull();
            }
        }
        return reasons;
    }
}
