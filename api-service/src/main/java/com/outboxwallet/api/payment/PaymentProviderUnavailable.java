package com.outboxwallet.api.payment;

import com.outboxwallet.api.Refusal;

/** The payment could not be opened now: the provider is down or its circuit is open. The request is kept; retry it. */
public class PaymentProviderUnavailable extends Refusal {

    public PaymentProviderUnavailable() {
        super("The payment provider cannot be reached right now; the request is kept. Retry it with the same"
                + " Idempotency-Key: it opens the payment once.");
    }
}
