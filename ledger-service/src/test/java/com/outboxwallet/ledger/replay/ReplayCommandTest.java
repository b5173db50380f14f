package com.outboxwallet.ledger.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReplayCommandTest {

    @Test
    void fromBindsToWhereTheReplayStarts() {
        assertThat(parse("--from", "earliest")).isInstanceOf(ReplayStart.Earliest.class);
        assertThat(parse("--from=2026-11-25T07:00:00+01:00"))
                .isEqualTo(new ReplayStart.At(Instant.parse("2026-11-25T06:00:00Z")));
        assertThat(parse("--from", "0:1200,3:980")).isEqualTo(new ReplayStart.Positions(Map.of(0, 1200L, 3, 980L)));
    }

    private static ReplayStart parse(String... args) {
        ReplayCommand command = new ReplayCommand();
        new CommandLine(command).parseArgs(args);
        return command.from;
    }
}
