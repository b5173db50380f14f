package com.outboxwallet.api.topup.strategy;

import com.outboxwallet.api.Refusal;

/**
 * The wallet could not be updated in time because other top-ups of it kept winning (optimistic retries exhausted,
 * or its lock not acquired). Nothing was written; the same request may be retried with the same key.
 */
public class WalletBusy extends Refusal {

    public WalletBusy(String reason) {
        super(reason);
    }
}
