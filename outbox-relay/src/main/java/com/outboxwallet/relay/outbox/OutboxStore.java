package com.outboxwallet.relay.outbox;

import com.outboxwallet.events.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class OutboxStore {

    private static final String SELECT_ROW = """
            SELECT id, event_id, aggregate_type, aggregate_id, event_type, payload::text AS payload, idempotency_key,
                   sequence, occurred_at, traceparent
              FROM outbox
            """;
    private static final RowMapper<OutboxRow> ROW = (rs, n) -> new OutboxRow(
            rs.getLong("id"),
            new OutboxMessage(
                    rs.getObject("event_id", UUID.class),
                    rs.getString("aggregate_type"),
                    rs.getObject("aggregate_id", UUID.class),
                    rs.getString("event_type"),
                    rs.getString("payload"),
                    rs.getString("idempotency_key"),
                    rs.getLong("sequence"),
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    rs.getString("traceparent")));

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the oldest unpublished rows until the caller's transaction ends. SKIP LOCKED steps over rows another
     * relay holds instead of waiting. Nothing remembers a "last id seen": a row whose transaction commits after
     * higher ids were published is still unpublished, so the next poll finds it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<OutboxRow> claimUnpublished(int limit) {
        return jdbc.sql(SELECT_ROW + """
                         WHERE published_at IS NULL
                         ORDER BY id
                         LIMIT :limit
                           FOR UPDATE SKIP LOCKED""").param("limit", limit).query(ROW).list();
    }

    /**
     * Locks those of the given rows that are still unpublished, so a row another path already published is not sent
     * twice. Returns their ids.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> lockUnpublished(List<Long> ids) {
        return jdbc.sql("SELECT id FROM outbox WHERE id IN (:ids) AND published_at IS NULL ORDER BY id FOR UPDATE")
                .param("ids", ids)
                .query(Long.class)
                .list();
    }

    /** Like {@link #claimUnpublished} but only rows older than the given id: what must go out before it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<OutboxRow> claimUnpublishedBefore(long id, int limit) {
        return jdbc.sql(SELECT_ROW + """
                         WHERE published_at IS NULL AND id < :id
                         ORDER BY id
                         LIMIT :limit
                           FOR UPDATE SKIP LOCKED""")
                .param("id", id)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    /**
     * Published rows still retained that occurred in [from, to), optionally of one wallet, after an id. Only published
     * ones: an unpublished row is the live relay's to send (and mark), after the rows of its wallet before it.
     */
    public List<OutboxRow> findPublished(Instant from, Instant to, @Nullable UUID walletId, long afterId, int limit) {
        return jdbc.sql(SELECT_ROW + """
                         WHERE published_at IS NOT NULL
                           AND occurred_at >= :from AND occurred_at < :to AND id > :afterId
                           AND (CAST(:wallet AS uuid) IS NULL OR aggregate_id = CAST(:wallet AS uuid))
                         ORDER BY id
                         LIMIT :limit""")
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .param("afterId", afterId)
                .param("wallet", walletId)
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    public long countPublished(Instant from, Instant to, @Nullable UUID walletId) {
        return jdbc.sql("""
                        SELECT count(*) FROM outbox WHERE published_at IS NOT NULL
                           AND occurred_at >= :from AND occurred_at < :to
                           AND (CAST(:wallet AS uuid) IS NULL OR aggregate_id = CAST(:wallet AS uuid))""")
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .param("wallet", walletId)
                .query(Long.class)
                .single();
    }

    /** How long the oldest unpublished row has waited; empty when everything is published. */
    public Optional<Duration> oldestUnpublishedAge() {
        return jdbc.sql("""
                        SELECT extract(epoch FROM now() - occurred_at) * 1000 FROM outbox
                         WHERE published_at IS NULL ORDER BY id LIMIT 1""")
                .query(Double.class)
                .optional()
                .map(millis -> Duration.ofMillis(Math.max(0, millis.longValue())));
    }

    /**
     * Unpublished rows, counted up to {@code cap}: a scrape every few seconds must stay cheap however large a backlog
     * grows, and past the cap the number matters less than its age.
     */
    public long unpublishedRows(long cap) {
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM outbox WHERE published_at IS NULL LIMIT :cap) waiting")
                .param("cap", cap)
                .query(Long.class)
                .single();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void markPublished(List<Long> ids) {
        jdbc.sql("UPDATE outbox SET published_at = now() WHERE id IN (:ids)")
                .param("ids", ids)
                .update();
    }
}
