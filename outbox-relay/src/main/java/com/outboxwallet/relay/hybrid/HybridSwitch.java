package com.outboxwallet.relay.hybrid;

import com.outboxwallet.process.ConditionalOnServing;
import com.outboxwallet.relay.ConditionalOnRelayMode;
import com.outboxwallet.relay.RelayProperties;
import com.outboxwallet.relay.RelayProperties.RelayMode;
import com.outboxwallet.relay.cdc.CdcSupervisor;
import com.outboxwallet.relay.cdc.SlotMonitor;
import com.outboxwallet.relay.leadership.LeadershipFollower;
import com.outboxwallet.relay.outbox.OutboxStore;
import com.outboxwallet.relay.polling.PollingGate;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Hybrid mode's decision, taken every {@code relay.leadership.check-interval}: CDC carries the events; the poller
 * takes over while the slot is not streaming, lags past {@code relay.hybrid.takeover-lag}, or the oldest unpublished
 * row has waited past {@code relay.hybrid.takeover-age} — and hands back once CDC streams and nothing old is waiting.
 * Both paths publish under the same fence and send only rows still unpublished, oldest first, so a switch in either
 * direction neither loses nor reorders a wallet's events, and a consumer sees at most the duplicates any crash can
 * cause.
 */
@Component
@ConditionalOnRelayMode(RelayMode.HYBRID)
@ConditionalOnServing
@Order(2) // after the CDC supervisor
class HybridSwitch implements PollingGate, LeadershipFollower {

    private static final Logger log = LoggerFactory.getLogger(HybridSwitch.class);

    private final CdcSupervisor cdc;
    private final SlotMonitor slot;
    private final OutboxStore outbox;
    private final RelayProperties.Hybrid settings;
    private volatile boolean polling = true; // until CDC proves itself

    HybridSwitch(
            CdcSupervisor cdc,
            SlotMonitor slot,
            OutboxStore outbox,
            RelayProperties properties,
            MeterRegistry registry) {
        this.cdc = cdc;
        this.slot = slot;
        this.outbox = outbox;
        this.settings = properties.hybrid();
        Gauge.builder("relay.hybrid.poller.active", this, gate -> gate.open() ? 1 : 0)
                .description("1 while the poller carries the events in hybrid mode")
                .register(registry);
    }

    @Override
    public boolean open() {
        return polling;
    }

    @Override
    public void afterLeadershipCheck() {
        boolean cdcBehind = slot.state()
                .map(state -> state.lagBytes() > settings.takeoverLag().toBytes())
                .orElse(true);
        boolean oldRowsWaiting = outbox.oldestUnpublishedAge()
                .map(age -> age.compareTo(settings.takeoverAge()) > 0)
                .orElse(false);
        boolean poll = !cdc.isHealthy() || cdcBehind || oldRowsWaiting;
        if (poll != polling) {
            log.info(
                    "Hybrid relay: {}",
                    poll ? "the poller takes over (CDC down or behind)" : "CDC carries the events again");
        }
        polling = poll;
    }
}
