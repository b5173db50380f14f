package com.outboxwallet.ledger.bookkeeping;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** {@code ledger_sequence_gaps_open}: alarm on it being above zero for longer than the relay's normal lag. */
@Component
class SequenceGapsGauge implements MeterBinder {

    private final SequenceGaps gaps;

    SequenceGapsGauge(SequenceGaps gaps) {
        this.gaps = gaps;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ledger.sequence.gaps.open", gaps, SequenceGaps::openCount)
                .description("Sequences missing from wallets' event streams, not yet arrived")
                .register(registry);
    }
}
