package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.events.TopUpAccepted;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ReplayCommandIT extends LedgerIntegrationTest {

    @Test
    void replayRebuildsTheSameLedgerFromTheTopicWhileTheLiveConsumerKeepsApplying(CapturedOutput output)
            throws Exception {
        List<TopUpAccepted> last = new ArrayList<>();
        for (int w = 0; w < 30; w++) {
            UUID wallet = UUID.randomUUID();
            for (int sequence = 1; sequence <= 10; sequence++) {
                TopUpAccepted topUp = aTopUpOf((w + 1) + "." + String.format("%02d", sequence), wallet, sequence);
                UUID eventId = UUID.randomUUID();
                publish(eventId, topUp);
                if (sequence == 5) {
                    publish(eventId, topUp); // a redelivery, deduplicated in the rebuild as it was live
                }
                if (sequence == 10) {
                    last.add(topUp);
                }
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> last.stream().allMatch(t -> auditRowsOf(t.topUpId()) == 1));
        UUID liveWallet = UUID.randomUUID();
        Map<String, Object> before = ledgerStateExcept(liveWallet);

        CompletableFuture<Integer> replay =
                CompletableFuture.supplyAsync(() -> runCommand("replay", "--from", "earliest"));
        long sequence = 0;
        boolean appliedWhileReplaying = false;
        while (!replay.isDone() && sequence < 2_000) {
            publish(UUID.randomUUID(), aTopUpOf("1.00", liveWallet, ++sequence));
            appliedWhileReplaying |= !replay.isDone()
                    && auditRowsOfWallet(liveWallet) > 0
                    && get("/api/v1/ledger/wallets/" + liveWallet + "/balance", OPERATOR, OPERATOR_PASSWORD)
                                    .statusCode()
                            == 200;
        }
        assertThat(replay.get(2, TimeUnit.MINUTES)).isZero();
        publish(UUID.randomUUID(), aTopUpOf("1.00", liveWallet, ++sequence));
        long published = sequence;

        await().atMost(Duration.ofSeconds(60)).until(() -> auditRowsOfWallet(liveWallet) == published);
        assertThat(appliedWhileReplaying)
                .as("the live consumer applied events while the replay ran")
                .isTrue();
        assertThat(balanceOf(liveWallet)).isEqualByComparingTo(BigDecimal.valueOf(published));
        Map<String, Object> after = ledgerStateExcept(liveWallet);
        assertThat(after.get("wallets")).isEqualTo(before.get("wallets"));
        assertThat(after.get("entriesPerWallet")).isEqualTo(before.get("entriesPerWallet"));
        assertThat(after.get("gaps")).isEqualTo(before.get("gaps"));
        assertThat(after.get("events")).isEqualTo((Long) before.get("events") + published);
        assertThat(output.getOut()).contains("replay: done:").contains("replay: caught up with the topic");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_namespace WHERE nspname = 'ledger_rebuild'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'ledger_retired_%'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void aRebuildMissingLiveTopUpsIsNotSwappedInAndARerunFromEarlierCompletesIt(CapturedOutput output) {
        TopUpAccepted topUp = aTopUpOf("3.00", UUID.randomUUID(), 1);
        publish(UUID.randomUUID(), topUp);
        await().atMost(Duration.ofSeconds(30)).until(() -> auditRowsOf(topUp.topUpId()) == 1);
        long events = jdbc.sql("SELECT count(*) FROM processed_events")
                .query(Long.class)
                .single();

        // From a time after every record: the rebuild holds nothing the live ledger has.
        assertThat(runCommand("replay", "--from", "2999-01-01T00:00:00Z")).isEqualTo(1);
        assertThat(output.getOut()).contains("replay: NOT swapped");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_namespace WHERE nspname = 'ledger_rebuild'")
                        .query(Long.class)
                        .single())
                .as("the rebuild is kept for a rerun")
                .isOne();
        assertThat(auditRowsOf(topUp.topUpId())).isOne();

        assertThat(runCommand("replay", "--from", "earliest")).isZero();
        assertThat(auditRowsOf(topUp.topUpId())).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM processed_events")
                        .query(Long.class)
                        .single())
                .isEqualTo(events);
        assertThat(jdbc.sql("SELECT count(*) FROM replay_progress")
                        .query(Long.class)
                        .single())
                .as("the rebuild's progress came along: what the live ledger was rebuilt from")
                .isPositive();
    }

    @Test
    void replayWithoutAStartingPointIsAUsageError(CapturedOutput output) {
        assertThat(runCommand("replay")).isEqualTo(2);
        assertThat(output.getErr())
                .contains("Missing required option: '--from=<start>'")
                .contains("Usage: ledger-service replay");
    }

    /** Every wallet but the one written during the replay; timestamps and row ids differ by design. */
    private Map<String, Object> ledgerStateExcept(UUID liveWallet) {
        return Map.of(
                "wallets",
                        jdbc.sql("""
                                SELECT wallet_id || ' ' || currency || ' ' || balance || ' ' || last_sequence
                                  FROM wallet_balances WHERE wallet_id <> :live ORDER BY wallet_id""")
                                .param("live", liveWallet)
                                .query(String.class)
                                .list(),
                "entriesPerWallet",
                        jdbc.sql("""
                                SELECT wallet_id || ' ' || count(*) || ' ' || sum(amount) FROM ledger_entries
                                 WHERE wallet_id <> :live GROUP BY wallet_id ORDER BY wallet_id""")
                                .param("live", liveWallet)
                                .query(String.class)
                                .list(),
                "gaps", jdbc.sql("""
                                SELECT wallet_id || ' ' || first_sequence || '..' || last_sequence FROM sequence_gaps
                                 ORDER BY wallet_id, first_sequence""").query(String.class).list(),
                "events",
                        jdbc.sql("SELECT count(*) FROM processed_events")
                                .query(Long.class)
                                .single());
    }

    private long auditRowsOfWallet(UUID wallet) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE wallet_id = :w")
                .param("w", wallet)
                .query(Long.class)
                .single();
    }
}
