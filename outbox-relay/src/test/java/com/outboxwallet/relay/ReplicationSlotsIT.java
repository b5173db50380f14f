package com.outboxwallet.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A replication slot nobody reads holds WAL in any relay mode; the polling relay that runs these tests still shows
 * how much, so that ReplicationSlotHoldsWal (deploy/prometheus/alerts.yml) fires before the disk fills.
 */
class ReplicationSlotsIT extends RelayIntegrationTest {

    @Autowired
    MeterRegistry registry;

    @Test
    void aSlotLeftBehindShowsTheWalItHoldsEvenToAPollingRelay() {
        String slot =
                "left_behind_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        jdbc.sql("SELECT pg_create_logical_replication_slot(:slot, 'pgoutput')")
                .param("slot", slot)
                .query()
                .singleRow();
        try {
            UUID wallet = UUID.randomUUID();
            for (int sequence = 1; sequence <= 20; sequence++) {
                OutboxRows.anEventFor(jdbc, wallet, sequence); // WAL the slot must keep
            }
            long heldBySlot =
                    jdbc.sql("""
                            SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint
                              FROM pg_replication_slots WHERE slot_name = :slot""").param("slot", slot).query(Long.class).single();

            double shown =
                    registry.get("relay.replication.slots.wal.held").gauge().value();

            assertThat(heldBySlot).isPositive();
            assertThat(shown).isGreaterThanOrEqualTo(heldBySlot);
        } finally {
            jdbc.sql("SELECT pg_drop_replication_slot(:slot)")
                    .param("slot", slot)
                    .query()
                    .singleRow();
        }
    }
}
