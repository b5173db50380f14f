package com.outboxwallet.relay;

import static com.outboxwallet.relay.OutboxRelayApplication.runCommand;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The relay's command line, without a database or broker: help and usage errors are answered before the relay's
 * application starts (had it started, it would have failed to connect, and said so).
 */
@ExtendWith(OutputCaptureExtension.class)
class RelayCommandLineTest {

    @Test
    void helpListsTheCommandsTheirOptionsAndTheExitCodes(CapturedOutput output) {
        assertThat(runCommand("--help")).isZero();
        assertThat(output.getOut())
                .contains("Usage: outbox-relay [-h] COMMAND")
                .contains("republish")
                .contains("Exit codes:");

        assertThat(runCommand("republish", "--help")).isZero();
        assertThat(output.getOut())
                .contains("Usage: outbox-relay republish [-h] --from=<instant> [--to=<instant>]")
                .contains("--wallet=<wallet id>", "Only this wallet's events.")
                .contains("2   could not do its work");
    }

    @Test
    void aBadTimeOrWalletIdIsAUsageErrorWithExitCode2(CapturedOutput output) {
        assertThat(runCommand("republish", "--from=yesterday")).isEqualTo(2);
        assertThat(output.getErr())
                .contains("Invalid value for option '--from': expected an ISO-8601 instant such as"
                        + " 2026-11-25T06:00:00Z, not 'yesterday'")
                .contains("Usage: outbox-relay republish");

        assertThat(runCommand("republish", "--from=2026-11-25T00:00:00Z", "--wallet", "alice"))
                .isEqualTo(2);
        assertThat(output.getErr())
                .contains("Invalid value for option '--wallet': expected an id such as"
                        + " d6b801c8-a417-407b-bbea-7ff3c4b3bbe0, not 'alice'");

        assertThat(runCommand("republish")).isEqualTo(2);
        assertThat(output.getErr())
                .contains("Missing required option: '--from=<instant>'")
                .doesNotContain(" failed: ");
    }
}
