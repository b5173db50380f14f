package com.outboxwallet.api.payment;

/** Where a payment is (docs/payments.md has the diagram); it moves only by guarded UPDATEs in {@link PaymentRepository}. */
public enum PaymentState {
    /** Recorded; the provider has not yet answered the call that opens it. */
    REQUESTED,
    /** Opened at the provider: waiting for the user to pay. */
    PENDING,
    /** Paid, and the wallet credited in the same transaction. */
    SETTLED,
    /** Not paid in time. */
    EXPIRED,
    /** Denied or cancelled before it was paid. */
    FAILED,
    /** Paid, credited, then refunded or charged back: the credit is compensated. */
    REVERSED,
    /** Paid at the provider but not credited (its reason says why): an operator decides. */
    HELD;

    /** Still waiting for the provider's verdict. */
    public boolean open() {
        return this == REQUESTED || this == PENDING;
    }
}
