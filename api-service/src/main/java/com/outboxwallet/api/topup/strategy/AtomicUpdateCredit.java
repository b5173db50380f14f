package com.outboxwallet.api.topup.strategy;

import com.outboxwallet.api.wallet.BalanceCeiling;
import com.outboxwallet.api.wallet.Wallet;
import com.outboxwallet.api.wallet.WalletNotFound;
import com.outboxwallet.api.wallet.WalletRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One conditional UPDATE: the cheapest strategy, one round trip and the shortest possible row lock. */
class AtomicUpdateCredit implements CreditStrategy {

    private final WalletRepository wallets;
    private final BalanceCeiling ceiling;

    AtomicUpdateCredit(WalletRepository wallets, BalanceCeiling ceiling) {
        this.wallets = wallets;
        this.ceiling = ceiling;
    }

    @Override
    public Wallet credit(UUID userId, BigDecimal amount, Instant at) {
        return wallets.creditWithin(userId, amount, ceiling, at).orElseThrow(() -> {
            // Nothing was updated: either there is no wallet or the ceiling held. Telling them apart after the fact
            // is safe because neither answer writes anything.
            wallets.findByUserId(userId).orElseThrow(() -> new WalletNotFound(userId));
            return ceiling.exceeded();
        });
    }
}
