package com.outboxwallet.api.topup;

import com.outboxwallet.api.Refusal;
import java.math.BigDecimal;

/** The amount is above the configured maximum of one top-up. */
public class AmountAboveMaximum extends Refusal {

    private final BigDecimal maximum;

    public AmountAboveMaximum(BigDecimal maximum) {
        super("a single top-up is at most " + maximum.toPlainString());
        this.maximum = maximum;
    }

    public BigDecimal maximum() {
        return maximum;
    }
}
