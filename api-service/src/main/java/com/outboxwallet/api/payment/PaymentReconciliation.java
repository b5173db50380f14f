package com.outboxwallet.api.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Asks the provider about open payments whose news is late, and applies the answer as any notification
 * ({@link PaymentReports}): a settlement whose notification never came (Xendit does not retry after a timeout on our
 * side; any provider may lose one) is credited, a payment past its expiry is expired, and a request whose opening call
 * lost its answer is found. Settled payments are asked about too for a while: a refund or a chargeback whose
 * notification was lost is compensated all the same. Run by one api instance at a time
 * ({@link ReconciliationSchedule}).
 */
@Component
@ConditionalOnBooleanProperty("wallet.payments.enabled")
public class PaymentReconciliation {

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

    private final PaymentRepository payments;
    private final ProviderCalls provider;
    private final PaymentReports reports;
    private final Payments opening;
    private final Clock clock;
    private final PaymentProperties.Reconciliation settings;
    private final PaymentMetrics metrics;

    PaymentReconciliation(
            PaymentRepository payments,
            ProviderCalls provider,
            PaymentReports reports,
            Payments opening,
            Clock clock,
            PaymentProperties properties,
            PaymentMetrics metrics) {
        this.payments = payments;
        this.provider = provider;
        this.reports = reports;
        this.opening = opening;
        this.clock = clock;
        this.settings = properties.reconciliation();
        this.metrics = metrics;
    }

    /** @return how many payments it asked about */
    public int run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Payment> open = payments.dueForCheck(
                now, now.minus(settings.firstCheckAfter()), now.minus(settings.checkEvery()), settings.batch());
        int asked = 0;
        try {
            for (Payment payment : open) {
                payments.markChecked(payment.id(), now);
                reconcile(payment, now);
                asked++;
            }
            // Open payments first: a backlog of settled ones to watch never delays a credit.
            List<Payment> settled =
                    payments.settledDueForCheck(now.minus(settings.settledCheckEvery()), settings.batch() - asked);
            for (Payment payment : settled) {
                reconcile(payment, now);
                // Marked once answered: one the provider could not answer about is asked again, even at its watch's
                // end. A settled payment's updated_at is when it settled (it moves on only to REVERSED).
                payments.markWatched(
                        payment.id(),
                        now,
                        now.plus(settings.settledCheckEvery())
                                .isBefore(payment.updatedAt().plus(settings.watchSettledFor())));
                asked++;
            }
        } catch (ProviderUnavailable | PaymentProviderUnavailable e) {
            log.warn(
                    "Reconciliation stopped after {} payments: the provider cannot answer ({})", asked, e.getMessage());
        }
        return asked;
    }

    private void reconcile(Payment payment, Instant now) {
        Optional<ProviderReport> status = provider.status(payment.providerOrderId());
        if (status.isPresent()) {
            if (payment.state() == PaymentState.REQUESTED) {
                // Opened, but its answer was lost: opening it again finds it (and how to pay it).
                opening.openedAtProvider(payment);
            } else if (payment.state() == PaymentState.SETTLED && status.get().outcome() == ProviderOutcome.SETTLED) {
                return; // still kept: nothing to apply, and nothing worth a log line every few hours
            } else {
                reports.apply(status.get());
            }
            return;
        }
        if (payment.state() == PaymentState.REQUESTED
                && payment.createdAt().isBefore(now.minus(settings.giveUpAfter()))) {
            // The provider never heard of it and the user did not retry: it was never opened, and never will be.
            if (payments.close(payment.id(), PaymentState.FAILED, null, now)) {
                metrics.moved(PaymentState.FAILED);
                log.info("Payment {} failed: the provider never opened it", payment.id());
            }
        } else if (payment.state() == PaymentState.PENDING) {
            log.warn("Payment {} is pending here but unknown to {}", payment.id(), provider.providerName());
        }
    }
}
