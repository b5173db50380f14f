package com.outboxwallet.api.payment;

import com.outboxwallet.api.Refusal;

/** A notification that is not the provider's: nothing of it is recorded, only counted and logged. */
public abstract sealed class NotificationRejected extends Refusal
        permits NotificationRejected.BadSignature, NotificationRejected.Malformed {

    protected NotificationRejected(String message) {
        super(message);
    }

    /** For the metric's outcome tag and the log. */
    public abstract String reason();

    /** Not signed by the provider: a forgery, or a provider that signs with another key than ours. */
    public static final class BadSignature extends NotificationRejected {

        public BadSignature(String message) {
            super(message);
        }

        @Override
        public String reason() {
            return "bad-signature";
        }
    }

    /** Not a notification of the provider's protocol: a field missing, or not of its form. */
    public static final class Malformed extends NotificationRejected {

        public Malformed(String message) {
            super(message);
        }

        @Override
        public String reason() {
            return "malformed";
        }
    }
}
