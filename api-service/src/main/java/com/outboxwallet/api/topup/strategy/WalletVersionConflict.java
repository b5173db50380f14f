package com.outboxwallet.api.topup.strategy;

/** The wallet changed between reading it and writing it: the write did nothing and may be retried. */
class WalletVersionConflict extends RuntimeException {

    WalletVersionConflict() {
        super("wallet changed concurrently", null, false, false);
    }
}
