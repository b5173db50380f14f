package com.outboxwallet.api.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Service;

/**
 * The provider's notifications: verified on the bytes received, recorded (once: the same news twice is one row),
 * then applied. Recording is what the provider's answer waits for; a process that stops between the two leaves the
 * row to {@link #applyLeftBehind}, so nothing recorded is lost and nothing is applied twice (applying is idempotent,
 * {@link PaymentReports}). Counted by outcome ({@link PaymentMetrics}).
 */
@Service
@ConditionalOnBooleanProperty("wallet.payments.enabled")
public class PaymentNotifications {

    /** What became of a notification that was the provider's. */
    public enum Received {
        /** Recorded now. */
        RECORDED,
        /** The same news was recorded before. */
        DUPLICATE
    }

    private static final Logger log = LoggerFactory.getLogger(PaymentNotifications.class);
    /** Left alone this long, a notification is not one a request is still applying. */
    private static final Duration LEFT_BEHIND_AFTER = Duration.ofSeconds(5);

    private final PaymentProvider provider;
    private final PaymentNotificationRepository notifications;
    private final PaymentReports reports;
    private final Clock clock;
    private final PaymentMetrics metrics;

    PaymentNotifications(
            PaymentProvider provider,
            PaymentNotificationRepository notifications,
            PaymentReports reports,
            Clock clock,
            PaymentMetrics metrics) {
        this.provider = provider;
        this.notifications = notifications;
        this.reports = reports;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @param headers the request's headers, names in lower case
     * @throws NotificationRejected when it is not the provider's; nothing is recorded
     */
    public Received receive(Map<String, String> headers, byte[] body) {
        ProviderReport report;
        try {
            report = provider.verify(headers, body);
        } catch (NotificationRejected e) {
            count(e.reason());
            log.warn("A {} notification was refused ({}): {}", provider.name(), e.reason(), e.getMessage());
            throw e;
        }
        Optional<Long> recorded = notifications.record(provider.name(), report, body, now());
        if (recorded.isEmpty()) {
            count("duplicate");
            return Received.DUPLICATE;
        }
        try {
            apply(recorded.get(), report);
        } catch (RuntimeException e) {
            // Recorded is safe: the provider hears 2xx, and the left-behind pass applies it.
            log.warn("Notification {} recorded, not applied yet: {}", recorded.get(), e.toString());
        }
        return Received.RECORDED;
    }

    /** Applies what was recorded and not applied: a process that stopped between the two left it. */
    public int applyLeftBehind() {
        int applied = 0;
        for (PaymentNotificationRepository.Unapplied left :
                notifications.unapplied(provider.name(), now().minus(LEFT_BEHIND_AFTER), 100)) {
            apply(left.id(), left.report());
            applied++;
        }
        return applied;
    }

    private void apply(long id, ProviderReport report) {
        PaymentReports.Result result = reports.apply(report);
        notifications.applied(id, result, now());
        count(result.name());
    }

    private void count(String outcome) {
        metrics.notification(outcome);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
