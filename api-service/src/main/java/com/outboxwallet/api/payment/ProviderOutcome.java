package com.outboxwallet.api.payment;

/** What a provider's status means for the wallet, whatever the provider calls it. */
public enum ProviderOutcome {
    PENDING,
    SETTLED,
    EXPIRED,
    /** Denied or cancelled; after a settlement, a denial reverses it (Midtrans: a rare reversal on some channels). */
    FAILED,
    /** Refunded or charged back. */
    REVERSED
}
