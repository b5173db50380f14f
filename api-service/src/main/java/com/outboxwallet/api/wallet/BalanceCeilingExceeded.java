package com.outboxwallet.api.wallet;

import java.math.BigDecimal;

/** The top-up would take the balance past the configured ceiling; nothing was written. */
public class BalanceCeilingExceeded extends RuntimeException {

    private final BigDecimal ceiling;

    public BalanceCeilingExceeded(BigDecimal ceiling) {
        super("the top-up would take the balance above " + ceiling.toPlainString(), null, false, false);
        this.ceiling = ceiling;
    }

    public BigDecimal ceiling() {
        return ceiling;
    }
}
