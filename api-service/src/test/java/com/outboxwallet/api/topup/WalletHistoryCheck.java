package com.outboxwallet.api.topup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks what every strategy must keep true of a wallet, from the database alone: the balance is the exact sum of
 * its top-ups, the versions run 1..n without gaps or repeats, each top-up's recorded balance is the running sum, and
 * the outbox carries one event per top-up with the version as its sequence number.
 */
final class WalletHistoryCheck {

    private final JdbcClient jdbc;

    WalletHistoryCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return what is wrong with the wallet's history; empty when nothing is */
    List<String> violations(UUID walletId) {
        List<String> violations = new ArrayList<>();
        record Row(BigDecimal amount, BigDecimal balanceAfter, long version) {}
        List<Row> topUps = jdbc.sql("""
                        SELECT amount, balance_after, wallet_version FROM top_ups
                         WHERE wallet_id = :w ORDER BY wallet_version""")
                .param("w", walletId)
                .query((rs, n) -> new Row(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getLong(3)))
                .list();
        BigDecimal balance = jdbc.sql("SELECT balance FROM wallets WHERE id = :w")
                .param("w", walletId)
                .query(BigDecimal.class)
                .single();
        long version = jdbc.sql("SELECT version FROM wallets WHERE id = :w")
                .param("w", walletId)
                .query(Long.class)
                .single();

        BigDecimal sum = topUps.stream().map(Row::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (balance.compareTo(sum) != 0) {
            violations.add("balance " + balance + " is not the sum of its top-ups " + sum);
        }
        List<Long> versions = topUps.stream().map(Row::version).toList();
        List<Long> expected = LongStream.rangeClosed(1, topUps.size()).boxed().toList();
        if (!versions.equals(expected) || version != topUps.size()) {
            violations.add("versions " + versions + " with wallet version " + version + " are not 1.." + topUps.size());
        }
        BigDecimal running = BigDecimal.ZERO;
        for (Row row : topUps) {
            running = running.add(row.amount());
            if (row.balanceAfter().compareTo(running) != 0) {
                violations.add("top-up version " + row.version() + " recorded balance " + row.balanceAfter()
                        + " but the running sum is " + running);
                break;
            }
        }
        List<Long> sequences = jdbc.sql("SELECT sequence FROM outbox WHERE aggregate_id = :w ORDER BY sequence")
                .param("w", walletId)
                .query(Long.class)
                .list();
        if (!sequences.equals(expected)) {
            violations.add("outbox sequences " + sequences + " are not 1.." + topUps.size());
        }
        return violations;
    }
}
