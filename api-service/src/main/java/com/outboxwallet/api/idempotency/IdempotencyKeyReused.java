package com.outboxwallet.api.idempotency;

/** The key was used before for a different request. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused() {
        super("this Idempotency-Key was already used for a different request");
    }
}
