package com.outboxwallet.bench;

import com.outboxwallet.api.account.UserAccounts;
import com.outboxwallet.api.auth.Role;
import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.api.topup.Amount;
import com.outboxwallet.api.topup.TopUpCommand;
import com.outboxwallet.api.topup.TopUpRepository;
import com.outboxwallet.api.topup.TopUpService;
import com.outboxwallet.api.topup.strategy.ConcurrencyStrategy;
import com.outboxwallet.api.topup.strategy.TopUpStrategies;
import com.outboxwallet.api.topup.strategy.WalletBusy;
import com.outboxwallet.api.wallet.WalletProperties;
import com.outboxwallet.infra.EmbeddedInfrastructure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The concurrency strategies on one hot wallet and on wallets spread over many users: whole top-ups (balance,
 * top-up row and outbox row in one transaction), called on the service, so HTTP and authentication are not measured.
 * After each run the balances are checked against the number of top-ups.
 */
final class StrategyBenchmark {

    private static final Amount AMOUNT = Amount.parse("1.00");

    private final EmbeddedInfrastructure infra;
    private final BenchmarkSettings settings;

    StrategyBenchmark(EmbeddedInfrastructure infra, BenchmarkSettings settings) {
        this.infra = infra;
        this.settings = settings;
    }

    List<String> run() throws Exception {
        String database = infra.postgres().createDatabase("bench_strategies");
        List<String> rows = new ArrayList<>(List.of(
                "| strategy | wallets | top-ups/s | p50 ms | p95 ms | p99 ms | wallet-busy retries | balances exact |",
                "|---|---:|---:|---:|---:|---:|---:|---|"));
        try (ConfigurableApplicationContext api = ApiContexts.start(infra, database, Map.of())) {
            TopUpStrategies strategies = api.getBean(TopUpStrategies.class);
            // One warm-up round over every strategy first, so the first strategy measured does not pay for the JIT.
            for (int round = 0; round < 2; round++) {
                for (ConcurrencyStrategy strategy : ConcurrencyStrategy.values()) {
                    TopUpService topUps = new TopUpService(
                            strategies.create(strategy),
                            api.getBean(WalletProperties.class),
                            api.getBean(TopUpRepository.class));
                    for (int wallets : List.of(1, settings.wallets())) {
                        String row = measure(
                                api, topUps, strategy, wallets, round == 0 ? settings.topUps() / 4 : settings.topUps());
                        if (round == 1) {
                            rows.add(row);
                        }
                    }
                }
            }
        }
        return rows;
    }

    private String measure(
            ConfigurableApplicationContext api,
            TopUpService topUps,
            ConcurrencyStrategy strategy,
            int walletCount,
            int count)
            throws Exception {
        List<UUID> users = users(api.getBean(UserAccounts.class), walletCount);
        AtomicInteger busy = new AtomicInteger();
        Latencies latencies = new Latencies();
        long elapsed = Workload.run(settings.threads(), count, i -> {
            long start = System.nanoTime();
            topUp(topUps, users.get(i % users.size()), busy);
            latencies.record(start);
        });

        BigDecimal expected = AMOUNT.value().multiply(BigDecimal.valueOf(count));
        boolean exact = totalBalance(api.getBean(JdbcClient.class), users).compareTo(expected) == 0;
        double perSecond = count / (elapsed / 1e9);
        return "| %s | %d | %.0f | %s | %d | %s |"
                .formatted(
                        strategy.name().toLowerCase().replace('_', '-'),
                        walletCount,
                        perSecond,
                        latencies.percentiles(),
                        busy.get(),
                        exact ? "yes" : "NO");
    }

    /** A caller retries a "wallet busy" answer with the same key, as the API tells it to. */
    private static void topUp(TopUpService topUps, UUID userId, AtomicInteger busy) {
        TopUpCommand command =
                new TopUpCommand(userId, new IdempotencyKey(UUID.randomUUID().toString()), AMOUNT);
        while (true) {
            try {
                topUps.topUp(command);
                return;
            } catch (WalletBusy e) {
                busy.incrementAndGet();
            }
        }
    }

    private static List<UUID> users(UserAccounts accounts, int count) {
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(accounts.create(
                            "bench-" + UUID.randomUUID().toString().substring(0, 12), "benchmark-password", Role.USER)
                    .id());
        }
        return users;
    }

    private static BigDecimal totalBalance(JdbcClient jdbc, List<UUID> users) {
        return jdbc.sql("SELECT coalesce(sum(balance), 0) FROM wallets WHERE user_id = ANY(:users)")
                .param("users", users.toArray(UUID[]::new))
                .query(BigDecimal.class)
                .single();
    }
}
