package com.outboxwallet.local;

import java.util.List;

/** The same end-to-end contract with the relay in CDC mode (RELAY_MODE=cdc): one setting switches it. */
class EmbeddedPipelineCdcIT extends EmbeddedPipelineIT {

    @Override
    List<String> relaySettings() {
        return List.of("--relay.mode=cdc", "--relay.cdc.slot-name=e2e_cdc", "--relay.cdc.publication-name=e2e_cdc");
    }

    @Override
    String databaseSuffix() {
        return "e2e_cdc";
    }
}
