package com.outboxwallet.api.topup.strategy;

import com.outboxwallet.api.wallet.BalanceCeiling;
import com.outboxwallet.api.wallet.Wallet;
import com.outboxwallet.api.wallet.WalletNotFound;
import com.outboxwallet.api.wallet.WalletRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Reads without locking and writes only if the version is unchanged. A lost race repeats the whole transaction after
 * a jittered pause; after the last attempt the caller gets {@link WalletBusy}.
 */
class OptimisticCredit implements CreditStrategy {

    private final WalletRepository wallets;
    private final BalanceCeiling ceiling;
    private final Backoff backoff;
    private final int maxAttempts;

    OptimisticCredit(WalletRepository wallets, BalanceCeiling ceiling, ConcurrencyProperties.Optimistic settings) {
        this.wallets = wallets;
        this.ceiling = ceiling;
        this.backoff = new Backoff(settings.baseBackoff(), settings.maxBackoff());
        this.maxAttempts = settings.maxAttempts();
    }

    @Override
    public Wallet credit(UUID userId, BigDecimal amount, Instant at) {
        return creditIfUnchanged(wallets, ceiling, userId, amount, at);
    }

    static Wallet creditIfUnchanged(
            WalletRepository wallets, BalanceCeiling ceiling, UUID userId, BigDecimal amount, Instant at) {
        Wallet read = wallets.findByUserId(userId).orElseThrow(() -> new WalletNotFound(userId));
        return wallets.writeIfUnchanged(read, ceiling.raise(read.balance(), amount), at)
                .orElseThrow(WalletVersionConflict::new);
    }

    @Override
    public <T> T around(UUID userId, Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (WalletVersionConflict lost) {
                if (attempt >= maxAttempts) {
                    throw new WalletBusy("the wallet kept changing; gave up after " + maxAttempts + " attempts");
                }
                backoff.pause(attempt);
            }
        }
    }
}
