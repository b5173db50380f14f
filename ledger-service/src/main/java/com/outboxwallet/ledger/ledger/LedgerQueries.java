package com.outboxwallet.ledger.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Repository
public class LedgerQueries {

    private final JdbcClient jdbc;

    LedgerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditLogEntry> auditLog(UUID walletId, int page, int size) {
        return jdbc.sql("""
                        SELECT top_up_id, wallet_id, idempotency_key, amount, currency, message, occurred_at, recorded_at
                          FROM audit_log
                         WHERE wallet_id = :walletId
                         ORDER BY occurred_at DESC, id DESC
                         LIMIT :size OFFSET :offset""")
                .param("walletId", walletId).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new AuditLogEntry(rs.getObject("top_up_id", UUID.class),
                        rs.getObject("wallet_id", UUID.class), rs.getString("idempotency_key"),
                        rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("message"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public long auditLogSize(UUID walletId) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE wallet_id = :walletId")
                .param("walletId", walletId).query(Long.class).single();
    }
}
