package com.outboxwallet.api.payment;

import com.outboxwallet.api.Refusal;

public class PaymentNotFound extends Refusal {

    public PaymentNotFound() {
        super("No payment of yours has this id.");
    }
}
