package com.outboxwallet.bench;

import com.outboxwallet.events.TopUpAccepted;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The stack's two databases, read from outside: the api-service's {@code wallet} (top_ups, outbox) and the ledger's
 * {@code ledger} (audit_log). The timestamps compared, all of one machine's clock: {@code top_ups.created_at} is the
 * api-service's clock as the top-up's transaction began; {@code outbox.published_at} is PostgreSQL's {@code now()} in
 * the relay's batch transaction, which begins before the batch is sent to Kafka; {@code audit_log.recorded_at} is
 * PostgreSQL's {@code now()} in the ledger's transaction.
 */
final class StackDatabases implements AutoCloseable {

    private final DatabaseConnection wallet;
    private final DatabaseConnection ledger;

    StackDatabases(LocalStackProcess stack) {
        wallet = new DatabaseConnection(stack.jdbcUrl("wallet"));
        ledger = new DatabaseConnection(stack.jdbcUrl("ledger"));
    }

    /** Whether the ledger's audit log holds as many top-ups as the wallet has accepted. */
    boolean ledgerCaughtUp() {
        long topUps = wallet.jdbc().sql("SELECT count(*) FROM top_ups").query(Long.class).single();
        long audited = ledger.jdbc().sql("SELECT count(*) FROM audit_log").query(Long.class).single();
        return audited >= topUps;
    }

    /**
     * @param whole  top-up created → audit log recorded
     * @param relay  top-up created → outbox published_at (the relay's batch began)
     * @param ledger published_at → audit log recorded: the send to Kafka and the ledger's consumption
     */
    record Delays(Latencies whole, Latencies relay, Latencies ledger) {
    }

    /** Joined in Java by top-up id: the two databases are two connections. */
    Delays delays(Set<UUID> topUpIds) {
        UUID[] ids = topUpIds.toArray(UUID[]::new);
        Map<UUID, Instant> recorded = new HashMap<>();
        ledger.jdbc().sql("SELECT top_up_id, recorded_at FROM audit_log WHERE top_up_id = ANY(:ids)")
                .param("ids", ids)
                .query((rs, n) -> recorded.put(rs.getObject("top_up_id", UUID.class),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list();
        Delays delays = new Delays(new Latencies(), new Latencies(), new Latencies());
        // One top-up, one outbox row: the event of wallet version n of the wallet.
        wallet.jdbc().sql("""
                        SELECT t.id, t.created_at, o.published_at FROM top_ups t
                          JOIN outbox o ON o.aggregate_id = t.wallet_id AND o.sequence = t.wallet_version
                                       AND o.event_type = :type
                         WHERE t.id = ANY(:ids)""")
                .param("type", TopUpAccepted.TYPE).param("ids", ids)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Instant created = rs.getObject("created_at", OffsetDateTime.class).toInstant();
                    Instant published = rs.getObject("published_at", OffsetDateTime.class).toInstant();
                    Instant audited = recorded.get(id);
                    if (audited == null) {
                        throw new IllegalStateException("top-up " + id + " is not in the ledger's audit log");
                    }
                    delays.whole().recordNanos(Duration.between(created, audited).toNanos());
                    delays.relay().recordNanos(Duration.between(created, published).toNanos());
                    delays.ledger().recordNanos(Duration.between(published, audited).toNanos());
                    return id;
                })
                .list();
        if (delays.whole().count() != ids.length) {
            throw new IllegalStateException(ids.length - delays.whole().count() + " accepted top-up(s) have no outbox"
                    + " row");
        }
        return delays;
    }

    /**
     * @param topUps          top-ups the api-service accepted
     * @param auditRows       rows of the ledger's audit log
     * @param duplicates      audit rows beyond the first of their top-up
     * @param amountsAccepted the sum of the accepted top-ups' amounts
     * @param amountsAudited  the sum of the audit log's amounts
     */
    record Exactness(long topUps, long auditRows, long duplicates, BigDecimal amountsAccepted,
                     BigDecimal amountsAudited) {

        boolean exact() {
            return topUps == auditRows && duplicates == 0 && amountsAccepted.compareTo(amountsAudited) == 0;
        }

        @Override
        public String toString() {
            return "%s: %d top-ups, %d audit-log rows, %d duplicate top_up_id, amounts %s accepted and %s audited"
                    .formatted(exact() ? "yes" : "NO", topUps, auditRows, duplicates, amountsAccepted.toPlainString(),
                            amountsAudited.toPlainString());
        }
    }

    Exactness exactness() {
        Map<String, Object> accepted = wallet.jdbc()
                .sql("SELECT count(*) AS n, coalesce(sum(amount), 0) AS amounts FROM top_ups").query().singleRow();
        Map<String, Object> audited = ledger.jdbc().sql("""
                        SELECT count(*) AS n, count(*) - count(DISTINCT top_up_id) AS duplicates,
                               coalesce(sum(amount), 0) AS amounts
                          FROM audit_log""").query().singleRow();
        return new Exactness(((Number) accepted.get("n")).longValue(), ((Number) audited.get("n")).longValue(),
                ((Number) audited.get("duplicates")).longValue(), (BigDecimal) accepted.get("amounts"),
                (BigDecimal) audited.get("amounts"));
    }

    @Override
    public void close() {
        wallet.close();
        ledger.close();
    }
}
