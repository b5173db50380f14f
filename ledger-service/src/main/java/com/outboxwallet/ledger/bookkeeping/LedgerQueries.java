package com.outboxwallet.ledger.bookkeeping;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LedgerQueries {

    /** A wallet with more gap ranges than this has a broken producer; the count says how many sequences are missing. */
    public static final int GAPS_SHOWN = 100;

    private final JdbcClient jdbc;
    private final SequenceGaps gaps;

    LedgerQueries(JdbcClient jdbc, SequenceGaps gaps) {
        this.jdbc = jdbc;
        this.gaps = gaps;
    }

    public List<AuditLogEntry> auditLog(UUID walletId, int page, int size) {
        return jdbc.sql("""
                        SELECT top_up_id, wallet_id, idempotency_key, amount, currency, message, occurred_at, recorded_at
                          FROM audit_log
                         WHERE wallet_id = :walletId
                         ORDER BY occurred_at DESC, id DESC
                         LIMIT :size OFFSET :offset""")
                .param("walletId", walletId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new AuditLogEntry(
                        rs.getObject("top_up_id", UUID.class),
                        rs.getObject("wallet_id", UUID.class),
                        rs.getString("idempotency_key"),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency"),
                        rs.getString("message"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public long auditLogSize(UUID walletId) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE wallet_id = :walletId")
                .param("walletId", walletId)
                .query(Long.class)
                .single();
    }

    /** The wallet's own account lines, newest first; the clearing account's counter-lines are not the wallet's. */
    public List<LedgerEntry> entries(UUID walletId, int page, int size) {
        return jdbc.sql("""
                        SELECT transaction_id, account, amount, currency, occurred_at, recorded_at
                          FROM ledger_entries
                         WHERE wallet_id = :walletId
                         ORDER BY id DESC
                         LIMIT :size OFFSET :offset""")
                .param("walletId", walletId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new LedgerEntry(
                        rs.getObject("transaction_id", UUID.class),
                        rs.getString("account"),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public long entriesSize(UUID walletId) {
        return jdbc.sql("SELECT count(*) FROM ledger_entries WHERE wallet_id = :walletId")
                .param("walletId", walletId)
                .query(Long.class)
                .single();
    }

    public Optional<WalletBalance> balance(UUID walletId) {
        record Projection(String currency, BigDecimal balance, long lastSequence) {}
        return jdbc.sql("SELECT currency, balance, last_sequence FROM wallet_balances WHERE wallet_id = :walletId")
                .param("walletId", walletId)
                .query((rs, n) -> new Projection(
                        rs.getString("currency"), rs.getBigDecimal("balance"), rs.getLong("last_sequence")))
                .optional()
                .map(projection -> new WalletBalance(
                        walletId,
                        projection.currency(),
                        projection.balance(),
                        jdbc.sql("""
                                        SELECT coalesce(sum(amount), 0) FROM ledger_entries
                                         WHERE wallet_id = :walletId""")
                                .param("walletId", walletId)
                                .query(BigDecimal.class)
                                .single(),
                        projection.lastSequence(),
                        gaps.openCountOf(walletId),
                        gaps.openRangesOf(walletId, GAPS_SHOWN)));
    }
}
