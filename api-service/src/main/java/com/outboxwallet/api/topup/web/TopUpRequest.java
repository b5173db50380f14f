package com.outboxwallet.api.topup.web;

import com.outboxwallet.api.topup.Amount;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The only field a client sends. Wallet, user and balance are never taken from the request: unknown fields are
 * refused, so there is nothing to mass-assign. The amount stays text until {@link Amount#parse} reads it, the one
 * place an amount is checked.
 */
record TopUpRequest(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                pattern = "^" + Amount.FORMAT + "$",
                description = Amount.EXPECTED + "; greater than 0",
                example = "150000.00")
        String amount) {

    Amount parsedAmount() {
        return Amount.parse(amount);
    }
}
