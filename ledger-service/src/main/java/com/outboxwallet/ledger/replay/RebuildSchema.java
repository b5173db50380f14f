package com.outboxwallet.ledger.replay;

/** Where a replay builds the fresh ledger before swapping it in; the live ledger is in {@link #LIVE}. */
final class RebuildSchema {

    static final String NAME = "ledger_rebuild";
    static final String LIVE = "public";

    private RebuildSchema() {}
}
