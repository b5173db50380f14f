package com.outboxwallet.api.wallet;

import java.math.BigDecimal;

/**
 * The largest balance a wallet may hold ({@code wallet.limits.balance-ceiling}): the one rule every way of crediting
 * applies, in Java ({@link #raise}) or, for the single-statement credit, in SQL ({@link WalletRepository#creditWithin}).
 * A top-up that would pass it is refused whole.
 */
public record BalanceCeiling(BigDecimal limit) {

    /** The ceiling the settings set. */
    public static BalanceCeiling of(WalletProperties wallet) {
        return new BalanceCeiling(wallet.limits().balanceCeiling());
    }

    /**
     * @return the balance after the credit
     * @throws BalanceCeilingExceeded when it would pass the ceiling
     */
    public BigDecimal raise(BigDecimal balance, BigDecimal amount) {
        BigDecimal raised = balance.add(amount);
        if (raised.compareTo(limit) > 0) {
            throw exceeded();
        }
        return raised;
    }

    /** The refusal, for a credit that found the ceiling in its way without raising anything. */
    public BalanceCeilingExceeded exceeded() {
        return new BalanceCeilingExceeded(limit);
    }
}
