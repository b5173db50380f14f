package com.outboxwallet.api.topup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.api.topup.strategy.ConcurrencyStrategy;
import com.outboxwallet.api.topup.strategy.TopUpStrategies;
import com.outboxwallet.api.topup.strategy.WalletBusy;
import com.outboxwallet.api.wallet.BalanceCeilingExceeded;
import com.outboxwallet.api.wallet.WalletProperties;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every strategy, under the same contention, keeps every wallet's history exact; a naive one does not. */
class ConcurrencyStrategiesIT extends ApiServiceIntegrationTest {

    private static final int THREADS = 8;
    private static final int TOP_UPS_PER_THREAD = 20;

    @Autowired
    TopUpStrategies strategies;

    @Autowired
    WalletProperties walletProperties;

    @Autowired
    TopUpRepository topUpRepository;

    @ParameterizedTest
    @EnumSource(ConcurrencyStrategy.class)
    void manyThreadsToppingUpOneWalletLoseNothing(ConcurrencyStrategy strategy) throws Exception {
        Credentials hot = aUser();
        TopUpService topUps = topUpsWith(strategies.create(strategy));

        runInParallel(topUps, List.of(hot));

        assertThat(check().violations(hot.walletId())).isEmpty();
        assertThat(balanceOf(hot)).isEqualByComparingTo(expectedTotal(THREADS * TOP_UPS_PER_THREAD));
    }

    @ParameterizedTest
    @EnumSource(ConcurrencyStrategy.class)
    void manyThreadsToppingUpManyWalletsLoseNothing(ConcurrencyStrategy strategy) throws Exception {
        List<Credentials> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(aUser());
        }
        TopUpService topUps = topUpsWith(strategies.create(strategy));

        runInParallel(topUps, users);

        BigDecimal total = BigDecimal.ZERO;
        for (Credentials user : users) {
            assertThat(check().violations(user.walletId())).as(user.username()).isEmpty();
            total = total.add(balanceOf(user));
        }
        assertThat(total).isEqualByComparingTo(expectedTotal(THREADS * TOP_UPS_PER_THREAD));
    }

    @ParameterizedTest
    @EnumSource(ConcurrencyStrategy.class)
    void noStrategyLetsABalancePassTheCeiling(ConcurrencyStrategy strategy) {
        Credentials user = aUser();
        jdbc.sql("UPDATE wallets SET balance = 99999990.00 WHERE id = :w")
                .param("w", user.walletId())
                .update();
        TopUpService topUps = topUpsWith(strategies.create(strategy));

        assertThatThrownBy(() -> topUps.topUp(aTopUp(user, "10.00"))).isInstanceOf(BalanceCeilingExceeded.class);
        assertThat(balanceOf(user)).isEqualByComparingTo("99999990.00");
        assertThat(topUps.topUp(aTopUp(user, "9.99")).topUp().balanceAfter()).isEqualByComparingTo("99999999.99");
    }

    @Test
    void aNaiveReadModifyWriteLosesUpdatesAndTheCheckSeesIt() throws Exception {
        Credentials hot = aUser();
        TopUpService topUps = topUpsWith(strategies.perTopUp(new NaiveReadModifyWrite(jdbc, THREADS)));

        runInParallel(topUps, List.of(hot));

        assertThat(check().violations(hot.walletId()))
                .anySatisfy(violation -> assertThat(violation).startsWith("balance"));
        assertThat(balanceOf(hot)).isLessThan(expectedTotal(THREADS * TOP_UPS_PER_THREAD));
    }

    /**
     * THREADS workers each apply TOP_UPS_PER_THREAD top-ups of 1.01, spreading them over the given users. A top-up
     * the strategy gave up on (wallet busy) is retried with the same key, as a client would.
     */
    private void runInParallel(TopUpService topUps, List<Credentials> users) throws Exception {
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(() -> {
                for (int i = 0; i < TOP_UPS_PER_THREAD; i++) {
                    TopUpCommand command = aTopUp(users.get((thread + i) % users.size()), "1.01");
                    while (true) {
                        try {
                            topUps.topUp(command);
                            break;
                        } catch (WalletBusy gaveUp) {
                            // Nothing was written; the same command is the client's retry.
                        }
                    }
                }
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (Future<Void> worker : pool.invokeAll(workers)) {
                worker.get();
            }
        }
    }

    private TopUpService topUpsWith(TopUpTransaction strategy) {
        return new TopUpService(strategy, walletProperties, topUpRepository);
    }

    private WalletHistoryCheck check() {
        return new WalletHistoryCheck(jdbc);
    }

    private static TopUpCommand aTopUp(Credentials user, String amount) {
        return new TopUpCommand(user.userId(), new IdempotencyKey("key-" + UUID.randomUUID()), Amount.parse(amount));
    }

    private static BigDecimal expectedTotal(int topUps) {
        return new BigDecimal("1.01").multiply(BigDecimal.valueOf(topUps));
    }

    private BigDecimal balanceOf(Credentials user) {
        return jdbc.sql("SELECT balance FROM wallets WHERE id = :w")
                .param("w", user.walletId())
                .query(BigDecimal.class)
                .single();
    }
}
