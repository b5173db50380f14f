package com.outboxwallet.ledger.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.ledger.console.ReplayState;
import org.junit.jupiter.api.Test;

class RebuildSchemaTest {

    /** The console finds a replay in progress by this schema's name, which it may not take from here. */
    @Test
    void theConsoleLooksForTheRebuildWhereReplayMakesIt() {
        assertThat(ReplayState.REBUILD_SCHEMA).isEqualTo(RebuildSchema.NAME);
    }
}
