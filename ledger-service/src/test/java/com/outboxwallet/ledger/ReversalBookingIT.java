package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.events.CloudEventHeaders;
import com.outboxwallet.events.Funding;
import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.events.TopUpReversed;
import com.outboxwallet.events.WalletEventCodec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A reversed funded top-up in the ledger: its debit is booked against the wallet's account, its sequence continues the
 * wallet's (no gap), the projection follows, and a copy changes nothing.
 */
class ReversalBookingIT extends LedgerIntegrationTest {

    private final WalletEventCodec codec = new WalletEventCodec();

    @Test
    void aReversalDebitsTheWalletOnceAndContinuesItsSequence() {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted topUp = aTopUpOf("150000.00", wallet, 1);
        TopUpReversed reversal = aReversalOf(topUp, "150000.00", "150000.00");
        UUID reversalEvent = UUID.randomUUID();

        publish(UUID.randomUUID(), topUp);
        publishReversal(reversalEvent, reversal);
        publishReversal(reversalEvent, reversal); // delivered twice
        publishReversal(UUID.randomUUID(), reversal); // the same reversal under another event id

        await().atMost(Duration.ofSeconds(30))
                .until(() -> reversalsOf(reversal.reversalId()) == 1
                        && projected(wallet).equals(new BigDecimal("0.00")));
        assertThat(jdbc.sql("SELECT last_sequence FROM wallet_balances WHERE wallet_id = :w")
                        .param("w", wallet)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM sequence_gaps WHERE wallet_id = :w")
                        .param("w", wallet)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE transaction_id = :r")
                        .param("r", reversal.reversalId())
                        .query(BigDecimal.class)
                        .single())
                .as("double entry: the reversal's lines sum to zero")
                .isEqualByComparingTo("0");
        assertThat(jdbc.sql("SELECT amount FROM ledger_entries WHERE transaction_id = :r AND wallet_id = :w")
                        .param("r", reversal.reversalId())
                        .param("w", wallet)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("-150000.00");
    }

    @Test
    void aReversalThatCouldTakeNothingBackIsRecordedWithoutAnEntry() {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted topUp = aTopUpOf("150000.00", wallet, 1);
        TopUpReversed reversal = aReversalOf(topUp, "150000.00", "0.00");

        publish(UUID.randomUUID(), topUp);
        publishReversal(UUID.randomUUID(), reversal);

        await().atMost(Duration.ofSeconds(30)).until(() -> reversalsOf(reversal.reversalId()) == 1);
        assertThat(projected(wallet)).isEqualByComparingTo("150000.00");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entries WHERE transaction_id = :r")
                        .param("r", reversal.reversalId())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT amount - debited FROM ledger_reversals WHERE reversal_id = :r")
                        .param("r", reversal.reversalId())
                        .query(BigDecimal.class)
                        .single())
                .as("the shortfall, owed")
                .isEqualByComparingTo("150000.00");
    }

    private static TopUpReversed aReversalOf(TopUpAccepted topUp, String amount, String debited) {
        return new TopUpReversed(
                UUID.randomUUID(),
                topUp.topUpId(),
                topUp.walletId(),
                topUp.userId(),
                new BigDecimal(amount),
                new BigDecimal(debited),
                topUp.currency(),
                topUp.balanceAfter().subtract(new BigDecimal(debited)),
                topUp.sequence() + 1,
                "refund",
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                new Funding(UUID.randomUUID(), "midtrans", "tx-" + topUp.topUpId()));
    }

    private void publishReversal(UUID eventId, TopUpReversed reversal) {
        ProducerRecord<String, byte[]> record = withHeaders(
                new ProducerRecord<>(
                        topic(),
                        reversal.walletId().toString(),
                        codec.toJson(reversal).getBytes(StandardCharsets.UTF_8)),
                eventId,
                TopUpReversed.TYPE);
        record.headers().remove(CloudEventHeaders.WALLET_SEQUENCE);
        record.headers()
                .add(
                        CloudEventHeaders.WALLET_SEQUENCE,
                        Long.toString(reversal.sequence()).getBytes(StandardCharsets.UTF_8));
        send(record);
    }

    private long reversalsOf(UUID reversalId) {
        return jdbc.sql("SELECT count(*) FROM ledger_reversals WHERE reversal_id = :r")
                .param("r", reversalId)
                .query(Long.class)
                .single();
    }

    private BigDecimal projected(UUID wallet) {
        return jdbc.sql("SELECT coalesce(max(balance), -1) FROM wallet_balances WHERE wallet_id = :w")
                .param("w", wallet)
                .query(BigDecimal.class)
                .single();
    }
}
