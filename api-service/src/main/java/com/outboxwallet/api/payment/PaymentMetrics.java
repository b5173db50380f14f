package com.outboxwallet.api.payment;

import com.outboxwallet.api.scheduling.RepeatingWork;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The payments' metrics, every series registered at start so that alerts and panels have one to read from the first
 * scrape:
 * <ul>
 *   <li>{@code wallet_payment_transitions_total{to}}: payments moved to each state (counted where they move);</li>
 *   <li>{@code wallet_payments_open{state}}, {@code wallet_payments_held} and {@code wallet_payments_overdue} (open
 *       past their expiry by more than the reconciliation's {@code first-check-after}): read from the database every
 *       15 s, so every instance reports the same figures;</li>
 *   <li>{@code wallet_payment_notifications_total{outcome}}: the provider's notifications, by what became of them.</li>
 * </ul>
 * Provider latency ({@code wallet_payment_provider_calls_seconds}) and the circuit's state
 * ({@code resilience4j_circuitbreaker_state}) are {@link ProviderCalls}'s.
 */
@Component
@ConditionalOnBooleanProperty("wallet.payments.enabled")
public class PaymentMetrics extends RepeatingWork {

    /** Every outcome a notification can have: verified and applied (the results), or refused. */
    static final List<String> NOTIFICATION_OUTCOMES = List.of(
            "applied",
            "stale",
            "held",
            "unknown-payment",
            "reversal-not-booked",
            "duplicate",
            "bad-signature",
            "malformed");

    private static final Logger log = LoggerFactory.getLogger(PaymentMetrics.class);

    private final PaymentRepository payments;
    private final Clock clock;
    private final Duration overdueAfter;
    private final Map<PaymentState, Counter> transitions = new EnumMap<>(PaymentState.class);
    private final Map<String, Counter> notifications = new java.util.HashMap<>();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();

    PaymentMetrics(PaymentRepository payments, Clock clock, PaymentProperties properties, MeterRegistry meters) {
        super("payment-metrics", Duration.ofSeconds(1), Duration.ofSeconds(15));
        this.payments = payments;
        this.clock = clock;
        this.overdueAfter = properties.reconciliation().firstCheckAfter();
        for (PaymentState state : PaymentState.values()) {
            transitions.put(
                    state,
                    Counter.builder("wallet.payment.transitions")
                            .description("Payments moved to each state")
                            .tag("to", state.name())
                            .register(meters));
        }
        for (String outcome : NOTIFICATION_OUTCOMES) {
            notifications.put(
                    outcome,
                    Counter.builder("wallet.payment.notifications")
                            .description("The payment provider's notifications, by what became of them")
                            .tag("outcome", outcome)
                            .register(meters));
        }
        Gauge.builder("wallet.payments.open", requested, AtomicLong::get)
                .description("Payments waiting for the provider's verdict, by state")
                .tag("state", PaymentState.REQUESTED.name())
                .register(meters);
        Gauge.builder("wallet.payments.open", pending, AtomicLong::get)
                .tag("state", PaymentState.PENDING.name())
                .register(meters);
        Gauge.builder("wallet.payments.held", held, AtomicLong::get)
                .description("Payments paid at the provider but not credited, waiting for an operator")
                .register(meters);
        Gauge.builder("wallet.payments.overdue", overdue, AtomicLong::get)
                .description("Open payments past their expiry that the reconciliation has not closed")
                .register(meters);
    }

    void moved(PaymentState to) {
        java.util.Objects.requireNonNull(transitions.get(to), "every state has its counter")
                .increment();
    }

    /** @param result a {@link PaymentReports.Result}, or a refusal's reason */
    void notification(String result) {
        Counter counter = notifications.get(result.toLowerCase(Locale.ROOT).replace('_', '-'));
        if (counter == null) {
            throw new IllegalArgumentException("no notification outcome " + result);
        }
        counter.increment();
    }

    @Override
    protected void runOnce() {
        try {
            PaymentRepository.Counts counts = payments.counts(clock.instant().minus(overdueAfter));
            requested.set(counts.requested());
            pending.set(counts.pending());
            held.set(counts.held());
            overdue.set(counts.overdue());
        } catch (RuntimeException e) {
            log.warn("Payment figures not read now: {}", e.toString());
        }
    }
}
