package com.outboxwallet.relay.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RepublishCommandTest {

    @Test
    void theRangeAndWalletBindToInstantsAndAWalletId() {
        RepublishCommand command = new RepublishCommand();

        new CommandLine(command)
                .parseArgs(
                        "--from=2026-11-25T00:00:00Z",
                        "--to",
                        "2026-11-26T00:00:00Z",
                        "--wallet=d6b801c8-a417-407b-bbea-7ff3c4b3bbe0");

        assertThat(command.from).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(command.to).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(command.wallet).isEqualTo(UUID.fromString("d6b801c8-a417-407b-bbea-7ff3c4b3bbe0"));
    }

    @Test
    void withoutAnEndTheRangeRunsToNowAndWithoutAWalletItIsEveryWallets() {
        RepublishCommand command = new RepublishCommand();

        new CommandLine(command).parseArgs("--from=2026-11-25T00:00:00Z");

        assertThat(command.to).isNull();
        assertThat(command.wallet).isNull();
    }
}
