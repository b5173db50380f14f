package com.outboxwallet.local;

import java.util.List;

/** The same end-to-end contract with the relay in hybrid mode (RELAY_MODE=hybrid). */
class EmbeddedPipelineHybridIT extends EmbeddedPipelineIT {

    @Override
    List<String> relaySettings() {
        return List.of(
                "--relay.mode=hybrid", "--relay.cdc.slot-name=e2e_hybrid", "--relay.cdc.publication-name=e2e_hybrid");
    }

    @Override
    String databaseSuffix() {
        return "e2e_hybrid";
    }
}
