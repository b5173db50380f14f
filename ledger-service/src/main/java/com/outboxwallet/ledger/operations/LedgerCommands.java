package com.outboxwallet.ledger.operations;

import java.util.Map;

/** Settings the ledger-service's operator commands (replay, reconcile, dead-letters) share. */
public final class LedgerCommands {

    /** For the tools that only read: they must not migrate the database they look at. */
    public static final Map<String, Object> READ_ONLY = Map.of("spring.flyway.enabled", "false");

    private LedgerCommands() {}
}
