package com.outboxwallet.ledger.reconcile;

import com.outboxwallet.ledger.bookkeeping.SequenceGaps;
import com.outboxwallet.ledger.reconcile.Reconciliation.LedgerRow;
import com.outboxwallet.ledger.reconcile.Reconciliation.Mismatch;
import com.outboxwallet.ledger.reconcile.Reconciliation.WalletRow;
import com.outboxwallet.process.ConditionalOnCommand;
import com.outboxwallet.process.OperatorCommandLine;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The work of {@code reconcile} ({@link ReconcileCommand}): every wallet's balance and version in the api-service's database against the ledger's projection,
 * the sum of its ledger lines and its last sequence; and every ledger transaction against zero. Exits 1 on any
 * mismatch. Both sides are read as they are now, so a top-up still on its way through the relay shows as a
 * mismatch: run it when the pipeline is quiet, or rerun and compare.
 */
@Component
@ConditionalOnCommand(ReconcileCommand.NAME)
class Reconciler {

    private final PrintStream out = System.out;
    private final JdbcClient ledger;
    private final WalletDatabaseProperties walletDatabase;

    Reconciler(JdbcClient ledger, WalletDatabaseProperties walletDatabase) {
        this.ledger = ledger;
        this.walletDatabase = walletDatabase;
    }

    /**
     * @param given the operator's options, each above the configured {@link WalletDatabaseProperties}
     * @return {@link OperatorCommandLine#FOUND_PROBLEMS} on any mismatch
     */
    int reconcile(WalletDatabaseProperties given) {
        String url = Optional.ofNullable(given.url())
                .or(() -> Optional.ofNullable(walletDatabase.url()))
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("which api-service database? Give --wallet-db-url "
                        + "jdbc:postgresql://host:port/wallet, or set RECONCILE_WALLET_DATASOURCE_URL"));
        String username = Optional.ofNullable(given.username()).orElse(walletDatabase.username());
        String password = Optional.ofNullable(given.password()).orElse(walletDatabase.password());

        List<WalletRow> wallets = walletsIn(url, username, password);
        Map<UUID, LedgerRow> projection = ledgerWallets();
        List<Mismatch> mismatches = Reconciliation.compare(wallets, projection);
        long unbalanced = unbalancedTransactions();

        mismatches.forEach(out::println);
        if (unbalanced > 0) {
            out.println("MISMATCH " + unbalanced + " ledger transaction(s) whose lines do not sum to zero");
        }
        out.printf(
                "reconcile: %d wallets in the api-service, %d in the ledger; %d mismatch(es)%s, %d unbalanced "
                        + "ledger transaction(s)%n",
                wallets.size(),
                projection.size(),
                mismatches.size(),
                mismatches.isEmpty()
                        ? ""
                        : " "
                                + mismatches.stream()
                                        .collect(Collectors.groupingBy(
                                                Mismatch::kind, TreeMap::new, Collectors.counting())),
                unbalanced);
        boolean agree = mismatches.isEmpty() && unbalanced == 0;
        out.println(agree ? "reconcile: OK" : "reconcile: MISMATCHES FOUND");
        return agree ? OperatorCommandLine.OK : OperatorCommandLine.FOUND_PROBLEMS;
    }

    /** One read-only snapshot of the api-service's wallets; this command never writes there. */
    private static List<WalletRow> walletsIn(String url, String username, String password) {
        try (Connection connection = DriverManager.getConnection(url, username, password)) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement query =
                    connection.prepareStatement("SELECT id, currency, balance, version FROM wallets ORDER BY id")) {
                query.setFetchSize(1_000);
                List<WalletRow> wallets = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        wallets.add(new WalletRow(
                                rows.getObject("id", UUID.class),
                                rows.getString("currency"),
                                rows.getBigDecimal("balance"),
                                rows.getLong("version")));
                    }
                }
                connection.rollback();
                return wallets;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read wallets from " + url + ": " + e.getMessage(), e);
        }
    }

    private Map<UUID, LedgerRow> ledgerWallets() {
        return ledger
                .sql("""
                        SELECT coalesce(b.wallet_id, e.wallet_id) AS wallet_id, coalesce(b.currency, e.currency) AS currency,
                               b.balance, coalesce(e.total, 0) AS entries, coalesce(b.last_sequence, 0) AS last_sequence,
                               (SELECT %s FROM sequence_gaps g
                                 WHERE g.wallet_id = coalesce(b.wallet_id, e.wallet_id)) AS open_gaps
                          FROM wallet_balances b
                          FULL JOIN (SELECT wallet_id, min(currency) AS currency, sum(amount) AS total
                                       FROM ledger_entries WHERE wallet_id IS NOT NULL GROUP BY wallet_id) e
                            ON e.wallet_id = b.wallet_id""".formatted(SequenceGaps.MISSING))
                .query((rs, n) -> new LedgerRow(
                        rs.getObject("wallet_id", UUID.class),
                        rs.getString("currency"),
                        rs.getBigDecimal("balance"),
                        rs.getBigDecimal("entries"),
                        rs.getLong("last_sequence"),
                        rs.getLong("open_gaps")))
                .list()
                .stream()
                .collect(Collectors.toMap(LedgerRow::walletId, Function.identity()));
    }

    private long unbalancedTransactions() {
        return ledger.sql("""
                        SELECT count(*) FROM (SELECT transaction_id FROM ledger_entries
                                               GROUP BY transaction_id HAVING sum(amount) <> 0) unbalanced""").query(Long.class).single();
    }
}
