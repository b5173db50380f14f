package com.outboxwallet.api.payment;

import com.outboxwallet.api.Refusal;

public class InvalidPaymentMethod extends Refusal {

    public InvalidPaymentMethod() {
        super("The request body has invalid fields.");
    }

    public String expected() {
        return PaymentMethod.expected();
    }
}
