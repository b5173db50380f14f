package com.outboxwallet.api.topup;

import java.math.BigDecimal;

/** The amount is above the configured maximum of one top-up. */
public class AmountAboveMaximum extends RuntimeException {

    private final BigDecimal maximum;

    public AmountAboveMaximum(BigDecimal maximum) {
        super("a single top-up is at most " + maximum.toPlainString(), null, false, false);
        this.maximum = maximum;
    }

    public BigDecimal maximum() {
        return maximum;
    }
}
