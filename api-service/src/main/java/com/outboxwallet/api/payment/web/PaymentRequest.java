package com.outboxwallet.api.payment.web;

import com.outboxwallet.api.payment.InvalidPaymentMethod;
import com.outboxwallet.api.payment.PaymentMethod;
import com.outboxwallet.api.topup.Amount;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a client sends to open a funded top-up: the amount and how the user will pay. Wallet, user and provider are
 * never taken from the request (unknown fields are refused).
 */
record PaymentRequest(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                pattern = "^" + Amount.FORMAT + "$",
                description = Amount.EXPECTED + "; greater than 0",
                example = "150000.00")
        String amount,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"virtual-account", "qris"},
                example = "virtual-account")
        String method) {

    Amount parsedAmount() {
        return Amount.parse(amount);
    }

    PaymentMethod parsedMethod() {
        if (method == null) {
            throw new InvalidPaymentMethod();
        }
        return PaymentMethod.fromWireName(method).orElseThrow(InvalidPaymentMethod::new);
    }
}
