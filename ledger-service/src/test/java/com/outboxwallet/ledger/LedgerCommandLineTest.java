package com.outboxwallet.ledger;

import static com.outboxwallet.ledger.LedgerServiceApplication.runCommand;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The ledger-service's command line, without a database or broker: help and usage errors are answered before the
 * service's application starts (had it started, it would have failed to connect, and said so).
 */
@ExtendWith(OutputCaptureExtension.class)
class LedgerCommandLineTest {

    @Test
    void theServicesHelpListsEveryCommandAndTheExitCodes(CapturedOutput output) {
        assertThat(runCommand("--help")).isZero();

        assertThat(output.getOut())
                .contains("Usage: ledger-service [-h] COMMAND")
                .contains("replay", "reconcile", "dead-letters")
                .contains("Exit codes:", "0   done, nothing wrong", "1   ran, and found a problem", "2   could not");
    }

    @Test
    void eachCommandsHelpDescribesItsOptions(CapturedOutput output) {
        assertThat(runCommand("replay", "--help")).isZero();
        assertThat(output.getOut())
                .contains("Usage: ledger-service replay [-h] --from=<start>")
                .contains("Where to start reading: earliest; the first record at or")
                .contains("Exit code 1: the rebuild lacks top-ups")
                .contains("Exit codes:");

        assertThat(runCommand("reconcile", "-h")).isZero();
        assertThat(output.getOut())
                .contains("--wallet-db-url=<url>")
                .contains("RECONCILE_WALLET_DATASOURCE_USERNAME if not given");

        assertThat(runCommand("dead-letters", "redrive", "--help")).isZero();
        assertThat(output.getOut()).contains("Usage: ledger-service dead-letters redrive [-h] <partition:offset>");
        assertThat(output.getErr()).doesNotContain(" failed: ");
    }

    @Test
    void aBadValueIsAUsageErrorWithExitCode2(CapturedOutput output) {
        assertThat(runCommand("replay", "--from", "yesterday")).isEqualTo(2);
        assertThat(output.getErr())
                .contains("Invalid value for option '--from': cannot read --from yesterday")
                .contains("Usage: ledger-service replay");

        assertThat(runCommand("dead-letters", "redrive", "17")).isEqualTo(2);
        assertThat(output.getErr()).contains("'17' is not a partition:offset");

        assertThat(runCommand("reconcile", "--wallet-db-url", "jdbc:mysql://db/wallet"))
                .isEqualTo(2);
        assertThat(output.getErr()).contains("'jdbc:mysql://db/wallet' is not a jdbc:postgresql: URL");
        assertThat(output.getErr()).doesNotContain(" failed: ");
    }

    @Test
    void anUnknownOptionOrAMissingSubcommandIsAUsageError(CapturedOutput output) {
        assertThat(runCommand("replay", "--from", "earliest", "--dry-run")).isEqualTo(2);
        assertThat(output.getErr()).contains("Unknown option: '--dry-run'");

        assertThat(runCommand("dead-letters")).isEqualTo(2);
        assertThat(output.getErr())
                .contains("Missing required subcommand")
                .contains("Usage: ledger-service dead-letters [-h] COMMAND")
                .contains("list", "redrive", "redrive-all");
        assertThat(output.getErr()).doesNotContain(" failed: ");
    }
}
