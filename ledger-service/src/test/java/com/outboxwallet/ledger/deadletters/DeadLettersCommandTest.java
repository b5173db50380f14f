package com.outboxwallet.ledger.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DeadLettersCommandTest {

    @Test
    void redriveBindsItsPositionAndPrintsItAsListShowsIt() {
        CommandLine.ParseResult parsed = new CommandLine(new DeadLettersCommand()).parseArgs("redrive", "2:17");

        DeadLettersCommand.RedriveCommand redrive = (DeadLettersCommand.RedriveCommand)
                parsed.subcommand().commandSpec().userObject();
        assertThat(redrive.position).isEqualTo(new RecordPosition(2, 17));
        assertThat(redrive.position).hasToString("2:17");
    }
}
