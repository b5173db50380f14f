package com.outboxwallet.ledger.consumer;

import com.outboxwallet.ledger.ledger.LedgerRecorder.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ledger_events_total{outcome=applied|duplicate|ignored}} and {@code ledger_dead_letters_total}. Counted after
 * the transaction committed, so a rolled-back attempt that is retried is not counted twice.
 */
@Component
class ConsumptionMetrics {

    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Counter deadLetters;

    ConsumptionMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, Counter.builder("ledger.events")
                    .description("Wallet events consumed, by what they did to the ledger")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        deadLetters = Counter.builder("ledger.dead.letters")
                .description("Records sent to the dead-letter topic")
                .register(registry);
    }

    void count(Outcome outcome) {
        outcomes.get(outcome).increment();
    }

    void countDeadLetter() {
        deadLetters.increment();
    }
}
