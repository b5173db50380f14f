package com.outboxwallet.ledger.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReconcileCommandTest {

    @Test
    void theWalletDatabaseOptionsBindWithASpaceOrAnEqualsSign() {
        ReconcileCommand command = new ReconcileCommand();

        new CommandLine(command)
                .parseArgs(
                        "--wallet-db-url", "jdbc:postgresql://db:5432/wallet", "--wallet-db-username=wallet_reconcile");

        assertThat(command.url).isEqualTo("jdbc:postgresql://db:5432/wallet");
        assertThat(command.username).isEqualTo("wallet_reconcile");
        assertThat(command.password).as("from the environment, if set there").isNull();
    }
}
