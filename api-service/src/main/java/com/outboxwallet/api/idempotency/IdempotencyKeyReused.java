package com.outboxwallet.api.idempotency;

import com.outboxwallet.api.Refusal;

/** The key was used before for a different request. */
public class IdempotencyKeyReused extends Refusal {

    public IdempotencyKeyReused() {
        super("this Idempotency-Key was already used for a different request");
    }
}
