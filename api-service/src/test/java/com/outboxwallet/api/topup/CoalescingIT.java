package com.outboxwallet.api.topup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.api.idempotency.IdempotencyKeyReused;
import com.outboxwallet.api.topup.strategy.ConcurrencyStrategy;
import com.outboxwallet.api.topup.strategy.TopUpStrategies;
import com.outboxwallet.api.wallet.BalanceCeilingExceeded;
import com.outboxwallet.api.wallet.WalletProperties;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The coalescing strategy's own promises, on batches made deterministic: the test holds the wallet's row lock, so the
 * first top-up's transaction waits for it while the next ones queue behind; releasing the lock commits the first
 * alone and then the queued ones together, in one transaction.
 */
class CoalescingIT extends ApiServiceIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    TopUpStrategies strategies;

    @Autowired
    WalletProperties walletProperties;

    @Autowired
    TopUpRepository topUpRepository;

    @Autowired
    DataSource dataSource;

    private TopUpService coalescing;

    @BeforeEach
    void coalescingTopUps() {
        coalescing =
                new TopUpService(strategies.create(ConcurrencyStrategy.COALESCING), walletProperties, topUpRepository);
    }

    @Test
    void topUpsThatArriveWhileTheWalletCommitsShareOneTransactionEachWithItsOwnVersionAndEvent() throws Exception {
        Credentials user = aUser();
        List<Submitted> batch;
        Submitted first;
        try (RowLock lock = lockWalletOf(user)) {
            first = submit(aTopUp(user, "1.00"));
            awaitATransactionWaitingForTheLock();
            batch = List.of(submit(aTopUp(user, "2.00")), submit(aTopUp(user, "3.00")), submit(aTopUp(user, "4.00")));
        }

        assertThat(first.committed().walletVersion()).isEqualTo(1);
        assertThat(batch)
                .extracting(submitted -> submitted.committed().walletVersion())
                .containsExactly(2L, 3L, 4L);
        assertThat(batch)
                .extracting(submitted -> submitted.committed().balanceAfter().toPlainString())
                .containsExactly("3.00", "6.00", "10.00");
        assertThat(transactionsOf(batch)).hasSize(1).doesNotContainAnyElementsOf(transactionsOf(List.of(first)));
        assertThat(new WalletHistoryCheck(jdbc).violations(user.walletId())).isEmpty();
    }

    @Test
    void aTopUpThatWouldPassTheCeilingIsRefusedAloneAndItsNeighboursCommit() throws Exception {
        Credentials user = aUser();
        BigDecimal ceiling = walletProperties.limits().balanceCeiling();
        jdbc.sql("UPDATE wallets SET balance = :b WHERE id = :w")
                .param("b", ceiling.subtract(new BigDecimal("25.00")))
                .param("w", user.walletId())
                .update();
        Submitted first;
        Submitted fits;
        Submitted tooMuch;
        Submitted fitsExactly;
        try (RowLock lock = lockWalletOf(user)) {
            first = submit(aTopUp(user, "10.00"));
            awaitATransactionWaitingForTheLock();
            fits = submit(aTopUp(user, "10.00"));
            tooMuch = submit(aTopUp(user, "10.00"));
            fitsExactly = submit(aTopUp(user, "5.00"));
        }

        assertThat(tooMuch.failure()).isInstanceOf(BalanceCeilingExceeded.class);
        assertThat(List.of(first, fits, fitsExactly))
                .extracting(s -> s.committed().walletVersion())
                .containsExactly(1L, 2L, 3L);
        assertThat(fitsExactly.committed().balanceAfter()).isEqualByComparingTo(ceiling);
        assertThat(transactionsOf(List.of(fits, fitsExactly))).hasSize(1);
        assertThat(jdbc.sql("SELECT balance FROM wallets WHERE id = :w")
                        .param("w", user.walletId())
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo(ceiling);
        assertThat(outboxRowsOf(user)).isEqualTo(3);
    }

    @Test
    void aRetryInTheSameBatchAsItsOriginalGetsTheOriginalAndAnotherAmountUnderTheKeyIsRefused() throws Exception {
        Credentials user = aUser();
        TopUpCommand original = aTopUp(user, "7.00");
        Submitted retry;
        Submitted reused;
        Submitted first;
        try (RowLock lock = lockWalletOf(user)) {
            submit(aTopUp(user, "1.00"));
            awaitATransactionWaitingForTheLock();
            first = submit(original);
            retry = submit(original);
            reused = submit(new TopUpCommand(user.userId(), original.key(), Amount.parse("8.00")));
        }

        assertThat(first.outcome().replayed()).isFalse();
        assertThat(retry.outcome().replayed()).isTrue();
        assertThat(retry.committed().id()).isEqualTo(first.committed().id());
        assertThat(reused.failure()).isInstanceOf(IdempotencyKeyReused.class);
        assertThat(topUpsOf(user)).isEqualTo(2);
        assertThat(new WalletHistoryCheck(jdbc).violations(user.walletId())).isEmpty();
    }

    @Test
    void aFailedTransactionFailsOnlyTheTopUpsInItAndTheirRetriesApplyOnce() throws Exception {
        Credentials user = aUser();
        TopUpCommand failing = aTopUp(user, "1.00");
        Submitted failed;
        List<Submitted> next;
        try (RowLock lock = lockWalletOf(user)) {
            failed = submit(failing);
            int waiting = awaitATransactionWaitingForTheLock();
            next = List.of(submit(aTopUp(user, "2.00")), submit(aTopUp(user, "3.00")));
            jdbc.sql("SELECT pg_terminate_backend(:pid)")
                    .param("pid", waiting)
                    .query(Boolean.class)
                    .single();
            await().atMost(PATIENCE).until(failed.result()::isDone);
        }

        assertThat(failed.failure()).isNotNull();
        assertThat(next).extracting(s -> s.committed().walletVersion()).containsExactly(1L, 2L);
        TopUpOutcome retried = coalescing.topUp(failing);
        assertThat(retried.replayed()).isFalse();
        assertThat(retried.topUp().walletVersion()).isEqualTo(3);
        assertThat(coalescing.topUp(failing).replayed()).isTrue();
        assertThat(topUpsOf(user)).isEqualTo(3);
        assertThat(new WalletHistoryCheck(jdbc).violations(user.walletId())).isEmpty();
    }

    /** A top-up running on a thread of its own, as a request would, with its answer or failure. */
    private record Submitted(CompletableFuture<TopUpOutcome> result) {

        TopUpOutcome outcome() {
            return result.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
        }

        TopUp committed() {
            return outcome().topUp();
        }

        Throwable failure() {
            try {
                outcome();
                return null;
            } catch (CompletionException e) {
                return e.getCause();
            }
        }
    }

    /** Starts the top-up and returns once it waits for its answer: top-ups submitted one by one queue in order. */
    private Submitted submit(TopUpCommand command) {
        CompletableFuture<TopUpOutcome> result = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                result.complete(coalescing.topUp(command));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        await().atMost(PATIENCE).until(() -> thread.getState() == Thread.State.WAITING || result.isDone());
        return new Submitted(result);
    }

    /** @return the process id of the backend whose transaction waits for a row lock */
    private int awaitATransactionWaitingForTheLock() {
        return await().atMost(PATIENCE)
                .until(() -> jdbc.sql("""
                        SELECT pid FROM pg_stat_activity
                         WHERE datname = current_database() AND wait_event_type = 'Lock'
                           AND query LIKE '%FOR UPDATE%'""").query(Integer.class).optional().orElse(null), pid -> pid != null);
    }

    private List<String> transactionsOf(List<Submitted> submitted) {
        return jdbc.sql("SELECT DISTINCT xmin::text FROM top_ups WHERE id = ANY(:ids)")
                .param("ids", submitted.stream().map(s -> s.committed().id()).toArray(UUID[]::new))
                .query(String.class)
                .list();
    }

    /** The wallet's row locked by a transaction of the test's own until closed (rolled back). */
    private RowLock lockWalletOf(Credentials user) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("SELECT 1 FROM wallets WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, user.walletId());
            lock.executeQuery().close();
        }
        return new RowLock(connection);
    }

    private record RowLock(Connection connection) implements AutoCloseable {

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }

    private static TopUpCommand aTopUp(Credentials user, String amount) {
        return new TopUpCommand(user.userId(), new IdempotencyKey(anyKey()), Amount.parse(amount));
    }
}
