package com.outboxwallet.api.topup.strategy;

import com.outboxwallet.api.topup.DailyLimits;
import com.outboxwallet.api.topup.TopUpRecords;
import com.outboxwallet.api.topup.TopUpTransaction;
import com.outboxwallet.api.trace.RequestTraces;
import com.outboxwallet.api.wallet.BalanceCeiling;
import com.outboxwallet.api.wallet.WalletProperties;
import com.outboxwallet.api.wallet.WalletRepository;
import java.time.Clock;
import org.redisson.api.RedissonClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the strategy named by {@code wallet.concurrency.strategy}, and any other on request, so that tests and
 * benchmarks compare them side by side on one database.
 */
@Configuration(proxyBeanMethods = false)
public class TopUpStrategies {

    private final WalletRepository wallets;
    private final TopUpRecords records;
    private final DailyLimits dailyLimits;
    private final TransactionTemplate transactions;
    private final BalanceCeiling ceiling;
    private final ConcurrencyProperties concurrency;
    private final RedissonClient redisson;
    private final Clock clock;
    private final RequestTraces traces;

    TopUpStrategies(
            WalletRepository wallets,
            TopUpRecords records,
            DailyLimits dailyLimits,
            TransactionTemplate transactions,
            WalletProperties wallet,
            ConcurrencyProperties concurrency,
            RedissonClient redisson,
            Clock clock,
            RequestTraces traces) {
        this.traces = traces;
        this.wallets = wallets;
        this.records = records;
        this.dailyLimits = dailyLimits;
        this.transactions = transactions;
        this.ceiling = BalanceCeiling.of(wallet);
        this.concurrency = concurrency;
        this.redisson = redisson;
        this.clock = clock;
    }

    @Bean
    TopUpTransaction topUpTransaction() {
        return create(concurrency.strategy());
    }

    public TopUpTransaction create(ConcurrencyStrategy strategy) {
        return switch (strategy) {
            case ATOMIC_UPDATE -> perTopUp(new AtomicUpdateCredit(wallets, ceiling));
            case PESSIMISTIC -> perTopUp(new PessimisticLockCredit(wallets, ceiling));
            case OPTIMISTIC -> perTopUp(new OptimisticCredit(wallets, ceiling, concurrency.optimistic()));
            case REDISSON_LOCK -> perTopUp(new RedissonLockCredit(wallets, ceiling, redisson, concurrency.lock()));
            case COALESCING ->
                new CoalescingTopUps(
                        wallets, records, dailyLimits, transactions, ceiling, concurrency.coalescing(), clock, traces);
        };
    }

    /** A transaction per top-up around any credit strategy, such as a test's deliberately naive one. */
    public TopUpTransaction perTopUp(CreditStrategy credit) {
        return new CreditThenRecord(credit, transactions, records, dailyLimits, clock);
    }
}
