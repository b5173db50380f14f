package com.outboxwallet.api.idempotency;

import com.outboxwallet.api.Refusal;

public class InvalidIdempotencyKey extends Refusal {

    public enum Reason {
        MISSING("the Idempotency-Key header (or _idempotency_key form field) is required"),
        TOO_LONG("at most " + IdempotencyKey.MAX_LENGTH + " characters"),
        NOT_PRINTABLE_ASCII("printable ASCII characters only (0x20 to 0x7E)"),
        RESERVED("a key that does not begin with 'payment:', which names the top-ups payments make");

        private final String expected;

        Reason(String expected) {
            this.expected = expected;
        }

        public String expected() {
            return expected;
        }
    }

    private final Reason reason;

    public InvalidIdempotencyKey(Reason reason) {
        super("invalid Idempotency-Key: " + reason.expected());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
