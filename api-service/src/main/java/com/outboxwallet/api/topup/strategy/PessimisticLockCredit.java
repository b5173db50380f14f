package com.outboxwallet.api.topup.strategy;

import com.outboxwallet.api.wallet.BalanceCeiling;
import com.outboxwallet.api.wallet.Wallet;
import com.outboxwallet.api.wallet.WalletNotFound;
import com.outboxwallet.api.wallet.WalletRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** SELECT … FOR UPDATE, then UPDATE: the row lock is held from the read to the commit, so the read stays true. */
class PessimisticLockCredit implements CreditStrategy {

    private final WalletRepository wallets;
    private final BalanceCeiling ceiling;

    PessimisticLockCredit(WalletRepository wallets, BalanceCeiling ceiling) {
        this.wallets = wallets;
        this.ceiling = ceiling;
    }

    @Override
    public Wallet credit(UUID userId, BigDecimal amount, Instant at) {
        Wallet locked = wallets.findByUserIdForUpdate(userId).orElseThrow(() -> new WalletNotFound(userId));
        BigDecimal raised = ceiling.raise(locked.balance(), amount);
        // Under the row lock the version cannot have moved; the check costs nothing and would expose a bug.
        return wallets.writeIfUnchanged(locked, raised, at)
                .orElseThrow(() -> new IllegalStateException("wallet changed under its row lock"));
    }
}
