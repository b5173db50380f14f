package com.outboxwallet.api.payment;

import com.outboxwallet.api.topup.Amount;
import com.outboxwallet.api.topup.FundedTopUps;
import com.outboxwallet.api.wallet.BalanceCeilingExceeded;
import com.outboxwallet.events.Funding;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where every path that hears from the provider (a notification, the status API, the reconciliation) moves a
 * payment, so that they converge whatever their order: each transition is an UPDATE guarded by the states it may
 * leave, a settlement credits the wallet in the transaction that moves the payment, and news that no longer moves it
 * (a repeat, a {@code pending} after its {@code settlement}, an {@code expire} after the payment was paid) is stale
 * and changes nothing. The rule for every odd case is in docs/payments.md.
 */
@Service
@ConditionalOnBooleanProperty("wallet.payments.enabled")
public class PaymentReports {

    /** What a report did. */
    public enum Result {
        /** It moved the payment. */
        APPLIED,
        /** The payment had moved past it already: a repeat, or news that arrived out of order. */
        STALE,
        /** Paid, but not credited: the amount differs from the one asked, or the balance would pass its ceiling. */
        HELD,
        /** No payment of ours has this order id. */
        UNKNOWN_PAYMENT
    }

    private static final Logger log = LoggerFactory.getLogger(PaymentReports.class);

    private final PaymentRepository payments;
    private final FundedTopUps funded;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String provider;
    private final PaymentMetrics metrics;

    PaymentReports(
            PaymentRepository payments,
            FundedTopUps funded,
            TransactionTemplate transactions,
            Clock clock,
            ProviderCalls calls,
            PaymentMetrics metrics) {
        this.payments = payments;
        this.funded = funded;
        this.transactions = transactions;
        this.clock = clock;
        this.provider = calls.providerName();
        this.metrics = metrics;
    }

    public Result apply(ProviderReport report) {
        Optional<Payment> found = payments.findByOrder(provider, report.orderId());
        if (found.isEmpty()) {
            log.warn("{} reports order {}, which is no payment of ours", provider, report.orderId());
            return Result.UNKNOWN_PAYMENT;
        }
        Payment payment = found.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Result result = switch (report.outcome()) {
            case PENDING ->
                moved(payments.markPending(payment.id(), report.transactionId(), now), PaymentState.PENDING);
            case SETTLED -> settle(payment, report, now);
            case EXPIRED ->
                moved(
                        payments.close(payment.id(), PaymentState.EXPIRED, report.transactionId(), now),
                        PaymentState.EXPIRED);
            case FAILED ->
                payment.state() == PaymentState.SETTLED
                        ? reversal(payment, report, now)
                        : moved(
                                payments.close(payment.id(), PaymentState.FAILED, report.transactionId(), now),
                                PaymentState.FAILED);
            case REVERSED -> reversal(payment, report, now);
        };
        log.info(
                "Payment {} ({}): {} {} -> {}",
                payment.id(),
                payment.state(),
                provider,
                report.providerStatus(),
                result);
        return result;
    }

    private Result settle(Payment payment, ProviderReport report, Instant now) {
        if (report.amount().compareTo(payment.amount()) != 0
                || !report.currency().equals(payment.currency())) {
            // A fee folded into the amount, or a payment of another sum: never credit what nobody asked for.
            return hold(
                    payment,
                    report,
                    "settled " + report.amount().toPlainString() + " " + report.currency() + ", asked "
                            + payment.amount().toPlainString() + " " + payment.currency(),
                    now);
        }
        try {
            Boolean credited = transactions.execute(status -> {
                if (!payments.settle(payment.id(), report.transactionId(), report.amount(), now)) {
                    return false;
                }
                funded.credit(
                        payment.userId(),
                        new Amount(report.amount()),
                        new Funding(
                                payment.id(),
                                provider,
                                report.transactionId() == null ? report.orderId() : report.transactionId()),
                        now);
                return true;
            });
            return moved(Boolean.TRUE.equals(credited), PaymentState.SETTLED);
        } catch (BalanceCeilingExceeded e) {
            return hold(
                    payment,
                    report,
                    "the balance would pass its ceiling of " + e.ceiling().toPlainString(),
                    now);
        }
    }

    private Result hold(Payment payment, ProviderReport report, String reason, Instant now) {
        if (!payments.hold(payment.id(), report.transactionId(), report.amount(), reason, now)) {
            return Result.STALE;
        }
        log.warn("Payment {} held for an operator: {}", payment.id(), reason);
        metrics.moved(PaymentState.HELD);
        return Result.HELD;
    }

    private Result reversal(Payment payment, ProviderReport report, Instant now) {
        if (payment.state() != PaymentState.SETTLED) {
            // Reversed before the wallet heard of its settlement (news out of order): nothing was credited, and the
            // settlement, when it comes, finds the payment reversed and credits nothing.
            return payments.reverseUncredited(payment.id(), report.transactionId(), now)
                    ? moved(true, PaymentState.REVERSED)
                    : refreshed(payment, report, now);
        }
        // What the provider took back: the partial amount of a partial refund, else all that was credited.
        java.math.BigDecimal amount = report.reversedAmount() != null
                ? report.reversedAmount().min(payment.amount())
                : payment.settledAmount() != null ? payment.settledAmount() : payment.amount();
        Optional<FundedTopUps.Compensation> compensated = transactions.execute(status -> {
            if (!payments.reverseSettled(payment.id(), now)) {
                return Optional.empty();
            }
            FundedTopUps.Compensation done = funded.reverse(
                    amount,
                    reversalReason(report.providerStatus()),
                    new Funding(
                            payment.id(),
                            provider,
                            payment.providerTransactionId() == null
                                    ? payment.providerOrderId()
                                    : payment.providerTransactionId()),
                    now);
            payments.recordReversal(payment.id(), done, report.providerStatus(), amount, now);
            return Optional.of(done);
        });
        if (compensated == null || compensated.isEmpty()) {
            return Result.STALE;
        }
        FundedTopUps.Compensation compensation = compensated.get();
        metrics.moved(PaymentState.REVERSED);
        if (compensation.debited().compareTo(amount) < 0) {
            log.error(
                    "Payment {} was {}: the wallet gave back {} of {}; {} is owed (payment_reversals)",
                    payment.id(),
                    report.providerStatus(),
                    compensation.debited().toPlainString(),
                    amount.toPlainString(),
                    amount.subtract(compensation.debited()).toPlainString());
        }
        return Result.APPLIED;
    }

    /** The event's word for a reversal; a denial after settlement is one too. */
    private static String reversalReason(String providerStatus) {
        return switch (providerStatus) {
            case "refund", "partial_refund", "chargeback", "partial_chargeback" -> providerStatus;
            default -> "deny";
        };
    }

    /** The payment moved while this report was read: it is read again, in case it was just settled. */
    private Result refreshed(Payment payment, ProviderReport report, Instant now) {
        Payment current = payments.findById(payment.id()).orElseThrow();
        return current.state() == PaymentState.SETTLED ? reversal(current, report, now) : Result.STALE;
    }

    private Result moved(boolean moved, PaymentState to) {
        if (!moved) {
            return Result.STALE;
        }
        metrics.moved(to);
        return Result.APPLIED;
    }
}
