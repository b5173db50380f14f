package com.outboxwallet.api.wallet;

import com.outboxwallet.api.Refusal;
import java.math.BigDecimal;

/** The top-up would take the balance past the configured ceiling; nothing was written. */
public class BalanceCeilingExceeded extends Refusal {

    private final BigDecimal ceiling;

    public BalanceCeilingExceeded(BigDecimal ceiling) {
        super("the top-up would take the balance above " + ceiling.toPlainString());
        this.ceiling = ceiling;
    }

    public BigDecimal ceiling() {
        return ceiling;
    }
}
