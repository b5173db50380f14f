package com.outboxwallet.api.payment;

import com.outboxwallet.api.TimeOrderedIds;
import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.api.idempotency.IdempotencyKeyReused;
import com.outboxwallet.api.idempotency.RequestFingerprint;
import com.outboxwallet.api.topup.Amount;
import com.outboxwallet.api.topup.AmountAboveMaximum;
import com.outboxwallet.api.wallet.BalanceCeiling;
import com.outboxwallet.api.wallet.BalanceCeilingExceeded;
import com.outboxwallet.api.wallet.Wallet;
import com.outboxwallet.api.wallet.WalletNotFound;
import com.outboxwallet.api.wallet.WalletProperties;
import com.outboxwallet.api.wallet.WalletRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Service;

/**
 * Funded top-ups: a user asks, the wallet records the request, then asks the provider to open the payment and
 * answers with how to pay. The request is recorded before the provider is called, under our order id, so a call
 * whose answer was lost (a timeout, a crash, the provider down) is made again with the same id by the next retry of
 * the request and found, never opened twice. Nothing is credited here: only the provider's settlement credits
 * ({@link PaymentReports}).
 */
@Service
@ConditionalOnBooleanProperty("wallet.payments.enabled")
public class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);

    private final PaymentRepository payments;
    private final WalletRepository wallets;
    private final ProviderCalls provider;
    private final PaymentReports reports;
    private final Clock clock;
    private final BigDecimal maxTopUp;
    private final BalanceCeiling ceiling;
    private final Duration expiry;
    private final PaymentMetrics metrics;

    Payments(
            PaymentRepository payments,
            WalletRepository wallets,
            ProviderCalls provider,
            PaymentReports reports,
            Clock clock,
            WalletProperties wallet,
            PaymentProperties properties,
            PaymentMetrics metrics) {
        this.payments = payments;
        this.wallets = wallets;
        this.provider = provider;
        this.reports = reports;
        this.clock = clock;
        this.maxTopUp = wallet.limits().maxTopUp();
        this.ceiling = BalanceCeiling.of(wallet);
        this.expiry = properties.expiry();
        this.metrics = metrics;
    }

    /**
     * @return the payment, new or, when replayed, the one this key opened first
     * @throws AmountAboveMaximum         when the amount is above the per-top-up maximum
     * @throws WalletNotFound             when the user has no wallet
     * @throws BalanceCeilingExceeded     when the balance would pass its ceiling were it paid now
     * @throws IdempotencyKeyReused       when the key was used for another payment
     * @throws PaymentProviderUnavailable when the provider cannot open it now; the request is kept for the retry
     */
    public PaymentOutcome open(UUID userId, IdempotencyKey key, Amount amount, PaymentMethod method) {
        String fingerprint = fingerprint(amount, method);
        if (amount.value().compareTo(maxTopUp) > 0) {
            throw new AmountAboveMaximum(maxTopUp);
        }
        Wallet wallet = wallets.findByUserId(userId).orElseThrow(() -> new WalletNotFound(userId));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID id = TimeOrderedIds.next();
        Payment requested = new Payment(
                id,
                userId,
                wallet.id(),
                key.value(),
                fingerprint,
                amount.value(),
                wallet.currency(),
                method,
                provider.providerName(),
                id.toString(),
                null,
                PaymentState.REQUESTED,
                null,
                null,
                null,
                false,
                null,
                null,
                now,
                now);
        boolean recorded;
        try {
            // A courtesy, not a guard: the balance may change before the user pays; the settlement checks again.
            ceiling.raise(wallet.balance(), amount.value());
            recorded = payments.insertUnlessKeyUsed(requested);
        } catch (BalanceCeilingExceeded refused) {
            // A retry of a request whose payment has since raised the balance is still that request.
            return new PaymentOutcome(
                    payments.findByUserAndKey(userId, key.value())
                            .map(original -> sameRequest(original, fingerprint))
                            .map(this::openedAtProvider)
                            .orElseThrow(() -> refused),
                    true);
        }
        if (recorded) {
            metrics.moved(PaymentState.REQUESTED);
        }
        Payment payment = recorded
                ? requested
                : sameRequest(
                        payments.findByUserAndKey(userId, key.value())
                                .orElseThrow(() -> new IllegalStateException("key used, no payment found")),
                        fingerprint);
        return new PaymentOutcome(openedAtProvider(payment), !recorded);
    }

    public Payment find(UUID userId, UUID paymentId) {
        return payments.findByIdAndUser(paymentId, userId).orElseThrow(PaymentNotFound::new);
    }

    public List<Payment> page(UUID userId, int page, int size) {
        return payments.findPageByUser(userId, page, size);
    }

    public long count(UUID userId) {
        return payments.countByUser(userId);
    }

    /**
     * A payment still REQUESTED is opened at the provider (again: the order id makes it the same payment).
     *
     * @throws PaymentProviderUnavailable when the provider cannot open it now
     */
    Payment openedAtProvider(Payment payment) {
        if (payment.state() != PaymentState.REQUESTED) {
            return payment;
        }
        OpenedPayment opened;
        try {
            opened = provider.open(new PaymentOrder(
                    payment.providerOrderId(), payment.amount(), payment.currency(), payment.method(), expiry));
        } catch (ProviderUnavailable e) {
            log.warn("Payment {} could not be opened now: {}", payment.id(), e.getMessage());
            throw new PaymentProviderUnavailable();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        payments.opened(payment.id(), opened, now);
        // Still REQUESTED, it is now PENDING; news that moved it on meanwhile (a settlement) keeps its state.
        if (payments.markPending(payment.id(), opened.report().transactionId(), now)) {
            metrics.moved(PaymentState.PENDING);
        }
        if (opened.report().outcome() != ProviderOutcome.PENDING) {
            // Found again after a lost answer, and paid (or closed) since: the news is applied like any other.
            reports.apply(opened.report());
        }
        return payments.findById(payment.id()).orElseThrow();
    }

    private static Payment sameRequest(Payment original, String fingerprint) {
        if (!original.requestFingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused();
        }
        return original;
    }

    /** Identifies the request behind a key: "10" and "10.00" by the same method are the same request. */
    private static String fingerprint(Amount amount, PaymentMethod method) {
        return RequestFingerprint.of("funded top-up amount=" + amount + " method=" + method.wireName());
    }
}
