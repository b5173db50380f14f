package com.outboxwallet.ledger.reconcile;

import com.outboxwallet.ledger.operations.LedgerCommands;
import com.outboxwallet.process.OperatorCommand;
import com.outboxwallet.process.ParsingConverter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reconcile [--wallet-db-url ...]}: its options and help; {@link Reconciler} does the work. */
@Command(
        name = ReconcileCommand.NAME,
        header = "Compare the api-service's balances with the ledger.",
        description = {
            "Compares every wallet's balance and version in the api-service's database (read-only) with the ledger's "
                    + "projection, the sum of its ledger lines and its last sequence, and checks that every ledger "
                    + "transaction sums to zero. Both sides are read as they are now: run it when the pipeline is quiet, "
                    + "or rerun and compare.",
            "%nExit code 1: a mismatch, one line each, then a summary."
        })
public final class ReconcileCommand extends OperatorCommand implements Callable<Integer> {

    static final String NAME = "reconcile";

    @Option(
            names = "--wallet-db-url",
            paramLabel = "<url>",
            converter = PostgresUrl.class,
            description = "The api-service's database, jdbc:postgresql://host:port/wallet; "
                    + "RECONCILE_WALLET_DATASOURCE_URL if not given.")
    String url;

    @Option(
            names = "--wallet-db-username",
            paramLabel = "<user>",
            description = "Its login, with SELECT on wallets only (wallet_reconcile); "
                    + "RECONCILE_WALLET_DATASOURCE_USERNAME if not given.")
    String username;

    @Option(
            names = "--wallet-db-password",
            paramLabel = "<password>",
            description = "Its password; RECONCILE_WALLET_DATASOURCE_PASSWORD if not given, which is better: a "
                    + "command line is visible to the machine's other users.")
    String password;

    @Override
    public Integer call() throws Exception {
        WalletDatabaseProperties given = new WalletDatabaseProperties(url, username, password);
        return inService(
                LedgerCommands.READ_ONLY,
                service -> service.getBean(Reconciler.class).reconcile(given));
    }

    static final class PostgresUrl extends ParsingConverter<String> {

        PostgresUrl() {
            super(url -> {
                if (!url.matches(WalletDatabaseProperties.URL)) {
                    throw new IllegalArgumentException("'" + url + "' is not a jdbc:postgresql: URL");
                }
                return url;
            });
        }
    }
}
