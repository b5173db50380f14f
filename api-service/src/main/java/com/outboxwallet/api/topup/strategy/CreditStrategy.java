package com.outboxwallet.api.topup.strategy;

import com.outboxwallet.api.wallet.BalanceCeilingExceeded;
import com.outboxwallet.api.wallet.Wallet;
import com.outboxwallet.api.wallet.WalletNotFound;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How a top-up raises a balance while other top-ups of the same wallet run. Every strategy raises the version by
 * exactly one per credit and never lets the balance pass the ceiling; they differ in what they cost under contention.
 */
public interface CreditStrategy {

    /**
     * Raises the balance, inside the caller's transaction.
     *
     * @return the wallet after the credit
     * @throws WalletNotFound         when the user has no wallet
     * @throws BalanceCeilingExceeded when the balance would pass the ceiling
     */
    Wallet credit(UUID userId, BigDecimal amount, Instant at);

    /**
     * Runs the whole top-up transaction. A strategy that must hold something across the commit (a lock) or repeat
     * the transaction (after losing an optimistic race) does it here.
     *
     * @throws WalletBusy when the strategy gave up waiting for the wallet
     */
    default <T> T around(UUID userId, Supplier<T> transaction) {
        return transaction.get();
    }
}
