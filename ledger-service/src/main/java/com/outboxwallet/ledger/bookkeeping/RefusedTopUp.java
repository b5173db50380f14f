package com.outboxwallet.ledger.bookkeeping;

/**
 * A top-up the ledger refuses for what it already holds (a currency not its wallet's, a copy with other content);
 * thrown while applying, so the batch is bisected and the top-up set aside with this {@link Refusal} reason.
 */
final class RefusedTopUp extends RuntimeException {

    private final String reason;

    RefusedTopUp(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
