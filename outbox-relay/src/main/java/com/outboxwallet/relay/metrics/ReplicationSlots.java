package com.outboxwallet.relay.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The WAL that any replication slot of the outbox's PostgreSQL makes it keep, in every relay mode: a slot left behind
 * by a former CDC run, or made by someone else, holds WAL whether or not this relay streams from one, and only
 * {@code max_slot_wal_keep_size} stops it before the disk is full. (The relay's own slot, in CDC mode, has its own
 * gauges and health: {@code cdc.SlotMonitor}.)
 */
@Component
class ReplicationSlots {

    private final JdbcClient jdbc;

    ReplicationSlots(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        Gauge.builder("relay.replication.slots.wal.held", this, ReplicationSlots::mostWalHeld)
                .description("WAL bytes PostgreSQL keeps for the replication slot that holds the most, any slot")
                .baseUnit("bytes")
                .register(registry);
    }

    long mostWalHeld() {
        return jdbc.sql("""
                        SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)), 0)::bigint
                          FROM pg_replication_slots""").query(Long.class).single();
    }
}
