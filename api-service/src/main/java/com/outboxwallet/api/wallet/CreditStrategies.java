package com.outboxwallet.api.wallet;

import org.redisson.api.RedissonClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the strategy named by {@code wallet.concurrency.strategy}. */
@Configuration(proxyBeanMethods = false)
public class CreditStrategies {

    @Bean
    CreditStrategy creditStrategy(WalletRepository wallets, WalletProperties wallet, ConcurrencyProperties concurrency,
                                  RedissonClient redisson) {
        return create(concurrency.strategy(), wallets, wallet, concurrency, redisson);
    }

    /** Every strategy can be built side by side, so tests and benchmarks compare them on one database. */
    public static CreditStrategy create(ConcurrencyStrategy strategy, WalletRepository wallets, WalletProperties wallet,
                                        ConcurrencyProperties concurrency, RedissonClient redisson) {
        var ceiling = wallet.limits().balanceCeiling();
        return switch (strategy) {
            case ATOMIC_UPDATE -> new AtomicUpdateCredit(wallets, ceiling);
            case PESSIMISTIC -> new PessimisticLockCredit(wallets, ceiling);
            case OPTIMISTIC -> new OptimisticCredit(wallets, ceiling, concurrency.optimistic());
            case REDISSON_LOCK -> new RedissonLockCredit(wallets, ceiling, redisson, concurrency.lock());
        };
    }
}
