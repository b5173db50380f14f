package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.outboxwallet.events.CloudEventHeaders;
import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.ledger.bookkeeping.LedgerRecorder.Outcome;
import com.outboxwallet.ledger.consumer.RecordBatches;
import com.outboxwallet.ledger.consumer.RecordBatches.AppliedRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Batches of exactly the records a test chooses, applied as the listener applies a poll ({@link RecordBatches}), on a
 * database of their own: these records never reach the topic, so the shared context's ledger must not hold them.
 * The listener is off; the records carry the positions a consumer would have seen.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + LedgerServiceApplication.CONFIG_NAME,
            "spring.kafka.listener.auto-startup=false"
        })
class BatchedApplyIT extends LedgerTestSupport {

    @Autowired
    RecordBatches batches;

    private long nextOffset;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure(registry, "ledger_batch_test");
    }

    @Test
    void aBatchAppliesEachTopUpOnceSetsItsPoisonAsideAndAGapOpenedInOneBatchClosesInTheNext() {
        UUID wallet = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        TopUpAccepted first = aTopUpOf("10.00", wallet, 1);
        TopUpAccepted third = aTopUpOf("30.00", wallet, 3);
        TopUpAccepted elsewhere = aTopUpOf("5.00", other, 1);
        UUID firstEvent = UUID.randomUUID();
        UUID thirdEvent = UUID.randomUUID();
        UUID poisonEvent = UUID.randomUUID();

        List<AppliedRecord> one = batches.apply(List.of(
                at(asRecord(topic(), firstEvent, first)),
                at(asRecord(topic(), firstEvent, first)), // the same event delivered twice
                at(asRecord(topic(), thirdEvent, third)),
                at(asRecord(topic(), UUID.randomUUID(), third)), // the same top-up under another event id
                at(withHeaders(
                        new ProducerRecord<>(topic(), wallet.toString(), "{not json".getBytes(StandardCharsets.UTF_8)),
                        poisonEvent,
                        TopUpAccepted.TYPE)),
                at(asRecord(topic(), UUID.randomUUID(), elsewhere))));

        assertThat(one)
                .extracting(AppliedRecord::outcome)
                .containsExactly(
                        Outcome.APPLIED,
                        Outcome.DUPLICATE,
                        Outcome.APPLIED,
                        Outcome.DUPLICATE,
                        Outcome.SET_ASIDE,
                        Outcome.APPLIED);
        assertThat(one.get(4).refusal().reason()).isEqualTo("malformed-payload");
        assertThat(one.get(4).refusal().message()).contains("not JSON");
        assertThat(balanceOf(wallet)).isEqualByComparingTo("40.00");
        assertThat(balanceOf(other)).isEqualByComparingTo("5.00");
        assertThat(gapsOf(wallet)).containsExactly("2..2");
        assertThat(processed(poisonEvent)).isZero();

        TopUpAccepted late = aTopUpOf("20.00", wallet, 2);
        TopUpAccepted fourth = aTopUpOf("40.00", wallet, 4);
        List<AppliedRecord> two = batches.apply(List.of(
                at(asRecord(topic(), UUID.randomUUID(), late)),
                at(asRecord(topic(), UUID.randomUUID(), fourth)),
                at(asRecord(topic(), firstEvent, first)))); // a duplicate of an earlier batch's event

        assertThat(two)
                .extracting(AppliedRecord::outcome)
                .containsExactly(Outcome.APPLIED, Outcome.APPLIED, Outcome.DUPLICATE);
        assertThat(gapsOf(wallet)).isEmpty();
        assertThat(balanceOf(wallet)).isEqualByComparingTo("100.00");
        assertThat(lastSequenceOf(wallet)).isEqualTo(4);
        for (TopUpAccepted topUp : List.of(first, late, third, fourth, elsewhere)) {
            assertThat(auditRowsOf(topUp.topUpId()))
                    .as("audit rows of %s", topUp.topUpId())
                    .isOne();
            assertThat(jdbc.sql("SELECT count(*) || ' ' || sum(amount) FROM ledger_entries WHERE transaction_id = :id")
                            .param("id", topUp.topUpId())
                            .query(String.class)
                            .single())
                    .isEqualTo("2 0.00");
        }
    }

    /**
     * A zombie: a ledger instance cut off from Kafka, whose partitions moved to another instance while it still
     * reached its database, applies the same records as their new owner, at the same moment. The dedupe by event id,
     * in the same transaction as the effect and behind a unique constraint, lets each record apply once.
     */
    @Test
    void aZombieApplyingTheSameBatchAtTheSameTimeAsItsSuccessorAppliesNothingTwice() throws Exception {
        UUID wallet = UUID.randomUUID();
        List<TopUpAccepted> topUps = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (long sequence = 1; sequence <= 20; sequence++) {
            TopUpAccepted topUp = aTopUpOf("1.00", wallet, sequence);
            topUps.add(topUp);
            batch.add(at(asRecord(topic(), UUID.randomUUID(), topUp)));
        }
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<List<AppliedRecord>> anInstance = () -> {
            together.await();
            return batches.apply(batch);
        };

        List<AppliedRecord> zombie;
        List<AppliedRecord> successor;
        try (ExecutorService instances = Executors.newFixedThreadPool(2)) {
            Future<List<AppliedRecord>> zombieApplies = instances.submit(anInstance);
            Future<List<AppliedRecord>> successorApplies = instances.submit(anInstance);
            zombie = zombieApplies.get(60, TimeUnit.SECONDS);
            successor = successorApplies.get(60, TimeUnit.SECONDS);
        }

        for (int i = 0; i < batch.size(); i++) {
            assertThat(List.of(zombie.get(i).outcome(), successor.get(i).outcome()))
                    .as("record %d: applied by one, a duplicate to the other", i)
                    .containsExactlyInAnyOrder(Outcome.APPLIED, Outcome.DUPLICATE);
        }
        assertThat(balanceOf(wallet)).isEqualByComparingTo("20.00");
        assertThat(lastSequenceOf(wallet)).isEqualTo(20);
        assertThat(topUps)
                .allSatisfy(topUp -> assertThat(auditRowsOf(topUp.topUpId())).isOne());
    }

    @Test
    void aTopUpTheDatabaseRefusesForItsDataIsSetAsideAndItsNeighboursStillApply() {
        UUID wallet = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        TopUpAccepted original = aTopUpBy(user, wallet, "1.00", 1);
        TopUpAccepted sameRequestOtherTopUp = aTopUpBy(user, wallet, "2.00", 2);
        // Each within the contract, but together past what the balance column holds (NUMERIC(15, 2)).
        TopUpAccepted huge = aTopUpBy(user, wallet, "9000000000000.00", 3);
        TopUpAccepted overflowing = aTopUpBy(user, wallet, "9000000000000.00", 4);
        TopUpAccepted next = aTopUpBy(user, wallet, "4.00", 5);
        UUID refusedEvent = UUID.randomUUID();

        List<AppliedRecord> applied = batches.apply(List.of(
                at(withKey(asRecord(topic(), UUID.randomUUID(), original), "request-1")),
                at(withKey(asRecord(topic(), refusedEvent, sameRequestOtherTopUp), "request-1")),
                at(asRecord(topic(), UUID.randomUUID(), huge)),
                at(asRecord(topic(), UUID.randomUUID(), overflowing)),
                at(asRecord(topic(), UUID.randomUUID(), next))));

        assertThat(applied)
                .extracting(AppliedRecord::outcome)
                .containsExactly(
                        Outcome.APPLIED, Outcome.SET_ASIDE, Outcome.APPLIED, Outcome.SET_ASIDE, Outcome.APPLIED);
        assertThat(applied.get(1).refusal().reason()).isEqualTo("idempotency-key-conflict");
        assertThat(applied.get(1).refusal().message()).contains("audit_log_user_key_uq");
        assertThat(applied.get(3).refusal().reason()).isEqualTo("refused-by-database");
        assertThat(applied.get(3).refusal().message()).contains("numeric field overflow");
        assertThat(processed(refusedEvent))
                .as("nothing of a refused event stays")
                .isZero();
        assertThat(auditRowsOf(sameRequestOtherTopUp.topUpId())).isZero();
        assertThat(auditRowsOf(overflowing.topUpId())).isZero();
        assertThat(balanceOf(wallet)).isEqualByComparingTo("9000000000005.00");
        // 2 and 4 never applied: the gaps show they are missing.
        assertThat(gapsOf(wallet)).containsExactly("2..2", "4..4");
    }

    @Test
    void aDifferentTopUpRepeatingAnAppliedSequenceIsAConflictAndTheSameTopUpAgainADuplicate() {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted first = aTopUpOf("10.00", wallet, 1);
        TopUpAccepted impostor = aTopUpOf("99.00", wallet, 1);
        TopUpAccepted second = aTopUpOf("5.00", wallet, 2);
        TopUpAccepted sameBatchImpostor = aTopUpOf("77.00", wallet, 2);
        batches.apply(List.of(at(asRecord(topic(), UUID.randomUUID(), first))));

        List<AppliedRecord> applied = batches.apply(List.of(
                at(asRecord(topic(), UUID.randomUUID(), impostor)),
                at(asRecord(topic(), UUID.randomUUID(), first)),
                at(asRecord(topic(), UUID.randomUUID(), second)),
                at(asRecord(topic(), UUID.randomUUID(), sameBatchImpostor))));

        assertThat(applied)
                .extracting(AppliedRecord::outcome)
                .containsExactly(Outcome.SET_ASIDE, Outcome.DUPLICATE, Outcome.APPLIED, Outcome.SET_ASIDE);
        assertThat(applied.get(0).refusal().reason()).isEqualTo("sequence-conflict");
        assertThat(applied.get(3).refusal().reason()).isEqualTo("sequence-conflict");
        assertThat(balanceOf(wallet)).isEqualByComparingTo("15.00");
        assertThat(auditRowsOf(impostor.topUpId())).isZero();
    }

    @Test
    void aCopyOfAnAppliedTopUpOrEventWithOtherContentIsAConflictNotADuplicate() {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted original = aTopUpOf("10.00", wallet, 1);
        UUID originalEvent = UUID.randomUUID();
        TopUpAccepted moreMoney = new TopUpAccepted(
                original.topUpId(),
                wallet,
                original.userId(),
                new BigDecimal("10000.00"),
                "IDR",
                new BigDecimal("10000.00"),
                1,
                original.occurredAt());
        TopUpAccepted anotherTopUp = aTopUpOf("3.00", wallet, 2);
        batches.apply(List.of(at(asRecord(topic(), originalEvent, original))));

        List<AppliedRecord> applied = batches.apply(List.of(
                at(asRecord(topic(), UUID.randomUUID(), moreMoney)), // a known top-up id, another amount
                at(asRecord(topic(), originalEvent, anotherTopUp)), // a known event id, another top-up
                at(asRecord(topic(), originalEvent, original)))); // the real copy

        assertThat(applied)
                .extracting(AppliedRecord::outcome)
                .containsExactly(Outcome.SET_ASIDE, Outcome.SET_ASIDE, Outcome.DUPLICATE);
        assertThat(applied.get(0).refusal().reason()).isEqualTo("conflicting-copy");
        assertThat(applied.get(0).refusal().message()).contains("amount 10000.00, recorded 10.00");
        assertThat(applied.get(1).refusal().reason()).isEqualTo("conflicting-copy");
        assertThat(applied.get(1).refusal().message()).contains("was applied for top-up " + original.topUpId());
        assertThat(balanceOf(wallet)).isEqualByComparingTo("10.00");
    }

    @Test
    void aTopUpInAnotherCurrencyThanItsWalletsIsSetAsideAndTheWalletsNextOneApplies() {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted first = aTopUpOf("10.00", wallet, 1);
        TopUpAccepted inDollars = new TopUpAccepted(
                UUID.randomUUID(),
                wallet,
                first.userId(),
                new BigDecimal("3.00"),
                "USD",
                new BigDecimal("13.00"),
                2,
                first.occurredAt());
        TopUpAccepted third = aTopUpOf("1.00", wallet, 3);

        List<AppliedRecord> applied = batches.apply(List.of(
                at(asRecord(topic(), UUID.randomUUID(), first)),
                at(asRecord(topic(), UUID.randomUUID(), inDollars)),
                at(asRecord(topic(), UUID.randomUUID(), third))));

        assertThat(applied)
                .extracting(AppliedRecord::outcome)
                .containsExactly(Outcome.APPLIED, Outcome.SET_ASIDE, Outcome.APPLIED);
        assertThat(applied.get(1).refusal().reason()).isEqualTo("currency-mismatch");
        assertThat(applied.get(1).refusal().message()).contains("USD", "IDR");
        assertThat(balanceOf(wallet)).isEqualByComparingTo("11.00");
    }

    @Test
    void aSequenceFarAheadOpensOneRangeInBoundedTimeAndALateEventSplitsIt() {
        UUID wallet = UUID.randomUUID();
        long farAhead = 1_000_000_000_000_001L;

        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> batches.apply(List.of(
                        at(asRecord(topic(), UUID.randomUUID(), aTopUpOf("1.00", wallet, 1))),
                        at(asRecord(topic(), UUID.randomUUID(), aTopUpOf("1.00", wallet, farAhead))))));
        assertThat(gapsOf(wallet)).containsExactly("2..1000000000000000");

        batches.apply(List.of(at(asRecord(topic(), UUID.randomUUID(), aTopUpOf("1.00", wallet, 500)))));

        assertThat(gapsOf(wallet)).containsExactly("2..499", "501..1000000000000000");
        assertThat(jdbc.sql("SELECT count(DISTINCT detected_at) FROM sequence_gaps WHERE wallet_id = :w")
                        .param("w", wallet)
                        .query(Long.class)
                        .single())
                .as("both parts keep the time the gap was detected")
                .isOne();
        assertThat(lastSequenceOf(wallet)).isEqualTo(farAhead);
        assertThat(balanceOf(wallet)).isEqualByComparingTo("3.00");
    }

    private ConsumerRecord<String, byte[]> at(ProducerRecord<String, byte[]> record) {
        return delivered(record, 0, nextOffset++);
    }

    private static ProducerRecord<String, byte[]> withKey(ProducerRecord<String, byte[]> record, String key) {
        record.headers().remove(CloudEventHeaders.IDEMPOTENCY_KEY);
        record.headers().add(CloudEventHeaders.IDEMPOTENCY_KEY, key.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static TopUpAccepted aTopUpBy(UUID user, UUID wallet, String amount, long sequence) {
        return new TopUpAccepted(
                UUID.randomUUID(),
                wallet,
                user,
                new BigDecimal(amount),
                "IDR",
                new BigDecimal(amount),
                sequence,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private List<String> gapsOf(UUID wallet) {
        return new ArrayList<>(
                jdbc.sql("""
                        SELECT first_sequence || '..' || last_sequence FROM sequence_gaps WHERE wallet_id = :w
                         ORDER BY first_sequence""").param("w", wallet).query(String.class).list());
    }

    private long lastSequenceOf(UUID wallet) {
        return jdbc.sql("SELECT last_sequence FROM wallet_balances WHERE wallet_id = :w")
                .param("w", wallet)
                .query(Long.class)
                .single();
    }

    private long processed(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :id")
                .param("id", eventId)
                .query(Long.class)
                .single();
    }
}
