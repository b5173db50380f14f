package com.outboxwallet.ledger.bookkeeping;

import com.outboxwallet.events.TopUpAccepted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Apply and flag: an event whose sequence skips ahead is applied (the balance is a sum and stays live) and the
 * sequences it skipped are recorded as one open range, which the gauge, the health check and the read API show until
 * the late events arrive and fill it. A range costs one row whatever its size, so no jump makes this unbounded work.
 */
@Repository
public class SequenceGaps {

    private static final Logger log = LoggerFactory.getLogger(SequenceGaps.class);

    /**
     * SQL: how many sequences the ranges selected miss; a sum of absurd jumps is shown as Long.MAX_VALUE, not an error.
     */
    public static final String MISSING =
            "least(coalesce(sum(last_sequence - first_sequence + 1), 0), " + Long.MAX_VALUE + ")";

    private final JdbcClient jdbc;
    private final Counter filled;

    SequenceGaps(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.filled = Counter.builder("ledger.sequence.gaps.filled")
                .description("Late events that arrived and filled a missing sequence")
                .register(meters);
    }

    /** Missing sequences {@code first..last} of a wallet, both included. */
    public record GapRange(UUID walletId, long first, long last, OffsetDateTime detectedAt) {

        public long size() {
            return last - first + 1;
        }
    }

    /**
     * Compares each newly applied event with its wallet's highest sequence so far, in the order they were read. In a
     * healthy stream every event is the next one and this issues no statement at all.
     *
     * @param highestApplied each wallet's highest sequence before these events, read under its projection lock
     * @param applied        events applied in this transaction, in offset order
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void track(Map<UUID, Long> highestApplied, List<TopUpAccepted> applied) {
        Map<UUID, Long> highest = new HashMap<>(highestApplied);
        for (TopUpAccepted event : applied) {
            UUID wallet = event.walletId();
            long before =
                    Objects.requireNonNull(highest.get(wallet), "the highest applied of every wallet in the batch");
            track(wallet, before, event.sequence());
            highest.put(wallet, Math.max(before, event.sequence()));
        }
    }

    /**
     * One event of a wallet whose highest applied sequence was {@code before}: a sequence past the next one opens a
     * gap, one below it fills its place in a gap.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void track(UUID wallet, long before, long sequence) {
        if (sequence > before + 1) {
            open(wallet, before + 1, sequence - 1);
            log.atWarn()
                    .addKeyValue("walletId", wallet)
                    .log(
                            "Wallet {}: sequence {} arrived after {}; {} missing sequence(s) flagged as a gap",
                            wallet,
                            sequence,
                            before,
                            sequence - 1 - before);
        } else if (sequence <= before) {
            fill(wallet, sequence, before);
        }
    }

    private void open(UUID wallet, long first, long last) {
        // Every open range lies below the highest applied sequence, so a new one can overlap none.
        jdbc.sql("INSERT INTO sequence_gaps (wallet_id, first_sequence, last_sequence) VALUES (:w, :first, :last)")
                .param("w", wallet)
                .param("first", first)
                .param("last", last)
                .update();
    }

    /** Takes a late sequence out of the range holding it: the range shrinks, splits in two, or goes. */
    private void fill(UUID wallet, long sequence, long highest) {
        Optional<GapRange> range = jdbc.sql("""
                        DELETE FROM sequence_gaps
                         WHERE wallet_id = :w AND first_sequence <= :s AND last_sequence >= :s
                        RETURNING wallet_id, first_sequence, last_sequence, detected_at""")
                .param("w", wallet)
                .param("s", sequence)
                .query(SequenceGaps::range)
                .optional();
        if (range.isEmpty()) {
            log.atWarn()
                    .addKeyValue("walletId", wallet)
                    .log(
                            "Wallet {}: a late top-up has sequence {} (highest applied {}), which no open gap holds;"
                                    + " applied, since the top-up that held it was recorded before the ledger kept"
                                    + " sequences (a repeat of a kept sequence is refused as a sequence conflict)",
                            wallet,
                            sequence,
                            highest);
            return;
        }
        GapRange gap = range.get();
        if (gap.first() < sequence) {
            reopen(gap, gap.first(), sequence - 1);
        }
        if (sequence < gap.last()) {
            reopen(gap, sequence + 1, gap.last());
        }
        filled.increment();
        log.atInfo()
                .addKeyValue("walletId", wallet)
                .log(
                        "Wallet {}: late sequence {} arrived; gap {}..{} now has {} missing",
                        wallet,
                        sequence,
                        gap.first(),
                        gap.last(),
                        gap.size() - 1);
    }

    private void reopen(GapRange gap, long first, long last) {
        jdbc.sql("""
                        INSERT INTO sequence_gaps (wallet_id, first_sequence, last_sequence, detected_at)
                        VALUES (:w, :first, :last, :detectedAt)""")
                .param("w", gap.walletId())
                .param("first", first)
                .param("last", last)
                .param("detectedAt", gap.detectedAt())
                .update();
    }

    /** Missing sequences in all wallets. */
    public long openCount() {
        return jdbc.sql("SELECT " + MISSING + " FROM sequence_gaps")
                .query(Long.class)
                .single();
    }

    public long openCountOf(UUID walletId) {
        return jdbc.sql("SELECT " + MISSING + " FROM sequence_gaps WHERE wallet_id = :walletId")
                .param("walletId", walletId)
                .query(Long.class)
                .single();
    }

    public List<GapRange> openRangesOf(UUID walletId, int limit) {
        return jdbc.sql("""
                        SELECT wallet_id, first_sequence, last_sequence, detected_at FROM sequence_gaps
                         WHERE wallet_id = :walletId ORDER BY first_sequence LIMIT :limit""")
                .param("walletId", walletId)
                .param("limit", limit)
                .query(SequenceGaps::range)
                .list();
    }

    public long openRangeCount() {
        return jdbc.sql("SELECT count(*) FROM sequence_gaps").query(Long.class).single();
    }

    public List<GapRange> open(int page, int size) {
        return jdbc.sql("""
                        SELECT wallet_id, first_sequence, last_sequence, detected_at FROM sequence_gaps
                         ORDER BY detected_at, wallet_id, first_sequence LIMIT :size OFFSET :offset""")
                .param("size", size)
                .param("offset", (long) page * size)
                .query(SequenceGaps::range)
                .list();
    }

    private static GapRange range(ResultSet rs, int row) throws SQLException {
        return new GapRange(
                rs.getObject("wallet_id", UUID.class),
                rs.getLong("first_sequence"),
                rs.getLong("last_sequence"),
                rs.getObject("detected_at", OffsetDateTime.class));
    }
}
