package com.outboxwallet.relay.cdc;

import com.outboxwallet.relay.ConditionalOnRelayMode;
import com.outboxwallet.relay.RelayProperties;
import com.outboxwallet.relay.RelayProperties.RelayMode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The replication slot as PostgreSQL sees it: whether a relay streams from it, how far behind it is, and how much WAL
 * it makes PostgreSQL keep. Exposed as metrics and as the {@code cdcSlot} health, DOWN past
 * {@code relay.cdc.lag-alarm}.
 */
@Component("cdcSlot")
@ConditionalOnRelayMode({RelayMode.CDC, RelayMode.HYBRID})
public class SlotMonitor extends AbstractHealthIndicator {

    public record SlotState(boolean active, long lagBytes, long walHeldBytes) {}

    private final JdbcClient jdbc;
    private final RelayProperties.Cdc settings;

    SlotMonitor(JdbcClient jdbc, RelayProperties properties, MeterRegistry registry) {
        super("CDC slot check failed");
        this.jdbc = jdbc;
        this.settings = properties.cdc();
        Gauge.builder(
                        "relay.cdc.slot.lag",
                        this,
                        monitor -> monitor.state().map(SlotState::lagBytes).orElse(0L))
                .description("WAL bytes written since the position the relay confirmed")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder(
                        "relay.cdc.slot.wal.held",
                        this,
                        monitor -> monitor.state().map(SlotState::walHeldBytes).orElse(0L))
                .description("WAL bytes PostgreSQL keeps for the slot")
                .baseUnit("bytes")
                .register(registry);
    }

    public Optional<SlotState> state() {
        return jdbc.sql("""
                        SELECT active,
                               coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint AS lag,
                               coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn), 0)::bigint AS held
                          FROM pg_replication_slots WHERE slot_name = :slot""")
                .param("slot", settings.slotName())
                .query((rs, n) -> new SlotState(rs.getBoolean("active"), rs.getLong("lag"), rs.getLong("held")))
                .optional();
    }

    boolean isStreaming() {
        return state().map(SlotState::active).orElse(false);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Optional<SlotState> state = state();
        if (state.isEmpty()) {
            builder.unknown().withDetail("slot", settings.slotName()).withDetail("reason", "slot not created yet");
            return;
        }
        SlotState slot = state.get();
        boolean lagging = slot.lagBytes() > settings.lagAlarm().toBytes();
        (lagging ? builder.down() : builder.up())
                .withDetail("slot", settings.slotName())
                .withDetail("active", slot.active())
                .withDetail("lagBytes", slot.lagBytes())
                .withDetail("walHeldBytes", slot.walHeldBytes())
                .withDetail("lagAlarmBytes", settings.lagAlarm().toBytes());
    }
}
