package com.outboxwallet.relay.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AdvisoryLocksTest {

    /** The runbook's query for the leader is only right while it names the namespace and lock the code takes. */
    @Test
    void theRunbooksLeaderQueryNamesTheLocksTheCodeTakes() throws Exception {
        String runbook = Files.readString(Path.of("..", "docs", "runbook.md"));

        assertThat(runbook)
                .contains("l.classid = " + AdvisoryLocks.NAMESPACE + " AND l.objid = " + AdvisoryLocks.LEADER)
                .contains(String.format("0x%08X", AdvisoryLocks.NAMESPACE));
    }
}
