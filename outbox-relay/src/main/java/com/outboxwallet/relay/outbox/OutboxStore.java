package com.outboxwallet.relay.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Repository
public class OutboxStore {

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
        return jdbc.sql("""
                        SELECT id, event_id, aggregate_id, event_type, payload::text AS payload, idempotency_key,
                               sequence, occurred_at, traceparent
                          FROM outbox
                         WHERE published_at IS NULL
                         ORDER BY id
                         LIMIT :limit
                           FOR UPDATE SKIP LOCKED""")
                .param("limit", limit)
                .query((rs, n) -> new OutboxRow(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                        rs.getObject("aggregate_id", UUID.class), rs.getString("event_type"), rs.getString("payload"),
                        rs.getString("idempotency_key"), rs.getLong("sequence"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("traceparent")))
                .list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void markPublished(List<Long> ids) {
        jdbc.sql("UPDATE outbox SET published_at = now() WHERE id IN (:ids)").param("ids", ids).update();
    }
}
