package com.outboxwallet.bench;

import com.outboxwallet.events.TopUpAccepted;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The stack's two databases, read from outside: the api-service's {@code wallet} (top_ups, outbox) and the ledger's
 * {@code ledger} (audit_log). Times are commit times, {@code pg_xact_commit_timestamp(xmin)} (the embedded PostgreSQL
 * runs with {@code track_commit_timestamp=on}): a top-up's row carries its own transaction's, an audit-log row the
 * ledger transaction's that wrote it. A column such as {@code created_at} or {@code recorded_at} holds when its
 * transaction began, which would add the transaction's own duration to one side.
 */
final class StackDatabases implements AutoCloseable {

    private final DatabaseConnection wallet;
    private final DatabaseConnection ledger;

    StackDatabases(String walletJdbcUrl, String ledgerJdbcUrl) {
        this(walletJdbcUrl, ledgerJdbcUrl, "postgres");
    }

    /** @param user whom the checks log in as: a role of their own keeps them apart in the statement counts */
    StackDatabases(String walletJdbcUrl, String ledgerJdbcUrl, String user) {
        wallet = new DatabaseConnection(walletJdbcUrl, user);
        ledger = new DatabaseConnection(ledgerJdbcUrl, user);
    }

    /** The users' ids, in the order of their names. */
    List<UUID> userIds(List<String> usernames) {
        Map<String, UUID> ids = new HashMap<>();
        wallet.jdbc()
                .sql("SELECT id, username FROM users WHERE username = ANY(:names)")
                .param("names", usernames.toArray(String[]::new))
                .query((rs, n) -> ids.put(rs.getString("username"), rs.getObject("id", UUID.class)))
                .list();
        return usernames.stream()
                .map(name -> {
                    UUID id = ids.get(name);
                    if (id == null) {
                        throw new IllegalStateException("no user " + name);
                    }
                    return id;
                })
                .toList();
    }

    /** Whether the ledger's audit log holds as many top-ups as the wallet has accepted. */
    boolean ledgerCaughtUp() {
        long topUps = wallet.jdbc()
                .sql("SELECT count(*) FROM top_ups")
                .query(Long.class)
                .single();
        long audited = ledger.jdbc()
                .sql("SELECT count(*) FROM audit_log")
                .query(Long.class)
                .single();
        return audited >= topUps;
    }

    /**
     * @param whole  the top-up's commit → the commit of its audit-log row
     * @param relay  the top-up's commit → the relay sending its event (the record's CreateTime)
     * @param ledger that send → the ledger's commit: the broker, the consumer and the ledger's transaction
     */
    record Delays(Latencies whole, Latencies relay, Latencies ledger) {}

    /**
     * Joined in Java by top-up id and event id: the two databases are two connections.
     *
     * @param sent when the relay sent each event, by event id ({@link TopicSendTimes})
     */
    Delays delays(Set<UUID> topUpIds, Map<UUID, Instant> sent) {
        UUID[] ids = topUpIds.toArray(UUID[]::new);
        Map<UUID, Instant> audited = new HashMap<>();
        ledger.jdbc()
                .sql("""
                        SELECT top_up_id, pg_xact_commit_timestamp(xmin) AS committed FROM audit_log
                         WHERE top_up_id = ANY(:ids)""")
                .param("ids", ids)
                .query((rs, n) -> audited.put(rs.getObject("top_up_id", UUID.class), committed(rs)))
                .list();
        Delays delays = new Delays(new Latencies(), new Latencies(), new Latencies());
        // One top-up, one outbox row: the event of wallet version n of the wallet.
        wallet.jdbc()
                .sql("""
                        SELECT t.id, o.event_id, pg_xact_commit_timestamp(t.xmin) AS committed FROM top_ups t
                          JOIN outbox o ON o.aggregate_id = t.wallet_id AND o.sequence = t.wallet_version
                                       AND o.event_type = :type
                         WHERE t.id = ANY(:ids)""")
                .param("type", TopUpAccepted.TYPE)
                .param("ids", ids)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Instant committed = committed(rs);
                    Instant send = sent.get(rs.getObject("event_id", UUID.class));
                    Instant audit = audited.get(id);
                    if (audit == null || send == null) {
                        throw new IllegalStateException("top-up " + id + " is not "
                                + (audit == null ? "in the ledger's audit log" : "on the topic"));
                    }
                    delays.whole()
                            .recordNanos(Duration.between(committed, audit).toNanos());
                    delays.relay().recordNanos(Duration.between(committed, send).toNanos());
                    delays.ledger().recordNanos(Duration.between(send, audit).toNanos());
                    return id;
                })
                .list();
        if (delays.whole().count() != ids.length) {
            throw new IllegalStateException(
                    ids.length - delays.whole().count() + " accepted top-up(s) have no outbox row");
        }
        return delays;
    }

    private static Instant committed(ResultSet rs) throws SQLException {
        OffsetDateTime committed = rs.getObject("committed", OffsetDateTime.class);
        if (committed == null) {
            throw new IllegalStateException("no commit timestamp: the stack's PostgreSQL must run with"
                    + " track_commit_timestamp=on (EmbeddedPostgresServer sets it)");
        }
        return committed.toInstant();
    }

    /**
     * @param topUps          top-ups the api-service accepted
     * @param auditRows       rows of the ledger's audit log
     * @param duplicates      audit rows beyond the first of their top-up
     * @param amountsAccepted the sum of the accepted top-ups' amounts
     * @param amountsAudited  the sum of the audit log's amounts
     */
    record Exactness(
            long topUps, long auditRows, long duplicates, BigDecimal amountsAccepted, BigDecimal amountsAudited) {

        boolean exact() {
            return topUps == auditRows && duplicates == 0 && amountsAccepted.compareTo(amountsAudited) == 0;
        }

        @Override
        public String toString() {
            return "%s: %d top-ups, %d audit-log rows, %d duplicate top_up_id, amounts %s accepted and %s audited"
                    .formatted(
                            exact() ? "yes" : "NO",
                            topUps,
                            auditRows,
                            duplicates,
                            amountsAccepted.toPlainString(),
                            amountsAudited.toPlainString());
        }
    }

    Exactness exactness() {
        Map<String, Object> accepted = wallet.jdbc()
                .sql("SELECT count(*) AS n, coalesce(sum(amount), 0) AS amounts FROM top_ups")
                .query()
                .singleRow();
        Map<String, Object> audited = ledger.jdbc().sql("""
                        SELECT count(*) AS n, count(*) - count(DISTINCT top_up_id) AS duplicates,
                               coalesce(sum(amount), 0) AS amounts
                          FROM audit_log""").query().singleRow();
        return new Exactness(
                count(accepted, "n"),
                count(audited, "n"),
                count(audited, "duplicates"),
                amount(accepted, "amounts"),
                amount(audited, "amounts"));
    }

    private static long count(Map<String, Object> row, String column) {
        return ((Number) Objects.requireNonNull(row.get(column), column)).longValue();
    }

    private static BigDecimal amount(Map<String, Object> row, String column) {
        return (BigDecimal) Objects.requireNonNull(row.get(column), column);
    }

    @Override
    public void close() {
        wallet.close();
        ledger.close();
    }
}
