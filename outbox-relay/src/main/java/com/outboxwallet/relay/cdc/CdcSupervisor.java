package com.outboxwallet.relay.cdc;

import com.outboxwallet.process.ConditionalOnServing;
import com.outboxwallet.relay.ConditionalOnRelayMode;
import com.outboxwallet.relay.RelayProperties;
import com.outboxwallet.relay.RelayProperties.RelayMode;
import com.outboxwallet.relay.leadership.LeadershipFollower;
import com.outboxwallet.relay.leadership.RelayLeadership;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs the CDC engine on the leading instance only, restarts it after a failure, and once it streams sends anything
 * left unpublished from before (rows committed before the slot existed, or while no engine ran).
 */
@Component
@ConditionalOnRelayMode({RelayMode.CDC, RelayMode.HYBRID})
@ConditionalOnServing
@Order(1) // before the hybrid switch, which decides from what this tick found
public class CdcSupervisor implements DisposableBean, LeadershipFollower {

    private final CdcEngine engine;
    private final CdcPublisher publisher;
    private final RelayLeadership leadership;
    private final SlotMonitor slot;
    private final RelayProperties.Cdc settings;
    private final Clock clock = Clock.systemUTC();
    private boolean sweptSinceStart;

    CdcSupervisor(
            CdcPublisher publisher,
            RelayLeadership leadership,
            SlotMonitor slot,
            DataSourceProperties database,
            RelayProperties properties) {
        this.publisher = publisher;
        this.leadership = leadership;
        this.slot = slot;
        this.settings = properties.cdc();
        this.engine = new CdcEngine(publisher, database, settings);
    }

    @Override
    public synchronized void afterLeadershipCheck() {
        if (!leadership.isLeader()) {
            engine.stop();
            sweptSinceStart = false;
            return;
        }
        switch (engine.state()) {
            case STOPPED -> startEngine();
            case FAILED -> {
                if (clock.instant().isAfter(engine.failedAt().plus(settings.restartBackoff()))) {
                    startEngine();
                }
            }
            case RUNNING -> {
                if (!sweptSinceStart && slot.isStreaming()) {
                    publisher.publish(List.of());
                    sweptSinceStart = true;
                }
            }
        }
    }

    /** Streaming, caught up with what came before it, and the slot active: CDC is carrying the events. */
    public boolean isHealthy() {
        return engine.state() == CdcEngine.State.RUNNING && sweptSinceStart && slot.isStreaming();
    }

    private void startEngine() {
        sweptSinceStart = false;
        engine.start();
    }

    @Override
    public synchronized void destroy() {
        engine.shutdown();
    }
}
