package com.outboxwallet.api.topup.strategy;

import com.outboxwallet.api.wallet.BalanceCeiling;
import com.outboxwallet.api.wallet.Wallet;
import com.outboxwallet.api.wallet.WalletRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A per-wallet Redisson lock held across the whole transaction, commit included. The lock is advisory: after a long
 * pause or a Redis failover two holders can overlap, so the write still checks the version in SQL and a holder that
 * lost the race gets {@link WalletBusy} instead of overwriting. With a fixed lease there is no watchdog to keep a
 * stuck holder's lock alive forever. When Redis is unreachable the top-up goes on without the lock, on the version
 * check alone: the lock only saves PostgreSQL from contention, it never carried correctness.
 */
class RedissonLockCredit implements CreditStrategy {

    private static final Logger log = LoggerFactory.getLogger(RedissonLockCredit.class);

    private final WalletRepository wallets;
    private final BalanceCeiling ceiling;
    private final RedissonClient redisson;
    private final ConcurrencyProperties.Lock settings;

    RedissonLockCredit(
            WalletRepository wallets,
            BalanceCeiling ceiling,
            RedissonClient redisson,
            ConcurrencyProperties.Lock settings) {
        this.wallets = wallets;
        this.ceiling = ceiling;
        this.redisson = redisson;
        this.settings = settings;
    }

    @Override
    public Wallet credit(UUID userId, BigDecimal amount, Instant at) {
        return OptimisticCredit.creditIfUnchanged(wallets, ceiling, userId, amount, at);
    }

    @Override
    public <T> T around(UUID userId, Supplier<T> transaction) {
        // One wallet per user, so the user's id names the wallet's lock without a database read.
        RLock lock = redisson.getLock("wallet-lock:v1:" + userId);
        boolean locked;
        try {
            locked = lock.tryLock(
                    settings.waitTime().toMillis(), settings.leaseTime().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RedisException e) {
            log.warn("Redis unavailable, crediting on the version check alone: {}", e.getMessage());
            return withoutLock(transaction);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalletBusy("interrupted while waiting for the wallet's lock");
        }
        if (!locked) {
            throw new WalletBusy("the wallet's lock was not free within "
                    + settings.waitTime().toMillis() + " ms");
        }
        try {
            return withoutLock(transaction);
        } finally {
            unlock(lock);
        }
    }

    private static <T> T withoutLock(Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (WalletVersionConflict overlapped) {
            throw new WalletBusy("another top-up changed the wallet at the same time");
        }
    }

    private static void unlock(RLock lock) {
        try {
            lock.unlock();
        } catch (IllegalMonitorStateException | RedisException e) {
            // The lease ran out (or Redis went away) before the commit; the version check kept the write safe.
            log.warn("wallet lock already released: {}", e.getMessage());
        }
    }
}
