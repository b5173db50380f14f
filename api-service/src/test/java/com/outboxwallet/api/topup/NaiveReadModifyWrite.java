package com.outboxwallet.api.topup;

import com.outboxwallet.api.topup.strategy.CreditStrategy;
import com.outboxwallet.api.wallet.Wallet;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The seed's bug, on purpose: read the balance, compute, write it back, with nothing stopping two writers from
 * reading the same balance. The barrier makes every round's writers read before any of them writes, so updates are
 * lost every time rather than now and then. It exists only to prove the history check can fail.
 */
final class NaiveReadModifyWrite implements CreditStrategy {

    private final JdbcClient jdbc;
    private final CyclicBarrier everyoneHasRead;

    NaiveReadModifyWrite(JdbcClient jdbc, int writersPerRound) {
        this.jdbc = jdbc;
        this.everyoneHasRead = new CyclicBarrier(writersPerRound);
    }

    @Override
    public Wallet credit(UUID userId, BigDecimal amount, Instant at) {
        BigDecimal read = jdbc.sql("SELECT balance FROM wallets WHERE user_id = :u")
                .param("u", userId)
                .query(BigDecimal.class)
                .single();
        awaitOthers();
        return jdbc.sql("""
                        UPDATE wallets SET balance = :balance, version = version + 1 WHERE user_id = :u
                        RETURNING id, user_id, balance, currency, version""")
                .param("balance", read.add(amount))
                .param("u", userId)
                .query((rs, n) -> new Wallet(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getBigDecimal("balance"),
                        rs.getString("currency"),
                        rs.getLong("version")))
                .single();
    }

    private void awaitOthers() {
        try {
            everyoneHasRead.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("writers did not meet", e);
        }
    }
}
