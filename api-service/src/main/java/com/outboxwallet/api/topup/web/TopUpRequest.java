package com.outboxwallet.api.topup.web;

import com.outboxwallet.api.topup.TopUpCommand;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;

/**
 * The only field a client sends. Wallet, user and balance are never taken from the request: unknown fields are
 * refused, so there is nothing to mass-assign.
 */
record TopUpRequest(
        @NotNull(message = "required: a decimal string such as \"150000.00\"")
        @Pattern(regexp = TopUpCommand.AMOUNT_FORMAT, message = TopUpCommand.AMOUNT_EXPECTED)
        @DecimalMin(value = "0.01", message = "greater than 0")
        String amount) {

    BigDecimal amountValue() {
        return new BigDecimal(amount);
    }
}
