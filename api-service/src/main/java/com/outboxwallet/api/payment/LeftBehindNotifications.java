package com.outboxwallet.api.payment;

import com.outboxwallet.api.scheduling.RepeatingWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Applies, every {@code wallet.payments.notifications-interval}, the notifications recorded but not applied. */
@Component
@ConditionalOnBooleanProperty("wallet.payments.enabled")
class LeftBehindNotifications extends RepeatingWork {

    private static final Logger log = LoggerFactory.getLogger(LeftBehindNotifications.class);

    private final PaymentNotifications notifications;

    LeftBehindNotifications(PaymentNotifications notifications, PaymentProperties properties) {
        super("payment-notifications", properties.notificationsInterval(), properties.notificationsInterval());
        this.notifications = notifications;
    }

    @Override
    protected void runOnce() {
        try {
            int applied = notifications.applyLeftBehind();
            if (applied > 0) {
                log.info("Applied {} payment notifications left behind", applied);
            }
        } catch (RuntimeException e) {
            log.warn("Payment notifications left behind could not be applied now: {}", e.toString());
        }
    }
}
