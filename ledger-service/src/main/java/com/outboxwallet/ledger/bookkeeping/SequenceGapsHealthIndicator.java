package com.outboxwallet.ledger.bookkeeping;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Reported as the {@code sequenceGaps} health component. An open gap is a {@link #GAPS} status, not DOWN: the service
 * is working and keeps every balance live, so restarting it or taking it out of load balancing would help nobody.
 * {@code GAPS} answers 200 and ranks between OUT_OF_SERVICE and UP (ledger-service.yml), so {@code /actuator/health}
 * shows the alarm while the readiness and liveness groups, which do not include this component, stay UP.
 */
@Component("sequenceGapsHealthIndicator")
class SequenceGapsHealthIndicator extends AbstractHealthIndicator {

    static final Status GAPS = new Status("GAPS", "Events are missing from at least one wallet's sequence");

    private final SequenceGaps gaps;

    SequenceGapsHealthIndicator(SequenceGaps gaps) {
        super("Sequence gaps could not be counted");
        this.gaps = gaps;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long open = gaps.openCount();
        builder.status(open == 0 ? Status.UP : GAPS).withDetail("openGaps", open);
    }
}
