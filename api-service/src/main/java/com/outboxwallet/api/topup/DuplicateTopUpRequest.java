package com.outboxwallet.api.topup;

/**
 * The top_ups_user_key_uq constraint refused the insert: this user already used this key. Thrown inside the
 * transaction so the balance change rolls back with it, or by a strategy that left the top-up out of its transaction
 * (coalescing) so that the other top-ups in it commit.
 */
public class DuplicateTopUpRequest extends RuntimeException {

    public DuplicateTopUpRequest() {
        super("idempotency key already used by this user", null, false, false);
    }
}
