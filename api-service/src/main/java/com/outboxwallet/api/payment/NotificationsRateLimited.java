package com.outboxwallet.api.payment;

import com.outboxwallet.api.Refusal;

/** A client address posted more notifications than {@code wallet.payments.notification-limit} allows. */
public class NotificationsRateLimited extends Refusal {

    public NotificationsRateLimited(long limit, long windowSeconds, long retryAfterSeconds) {
        super("at most " + limit + " notifications per " + windowSeconds + " s from one address; retry in "
                + retryAfterSeconds + " s");
    }
}
