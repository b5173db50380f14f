package com.outboxwallet.api.topup;

/**
 * The top_ups_user_key_uq constraint refused the insert: this user already used this key. Thrown inside the
 * transaction so the balance change rolls back with it.
 */
class DuplicateTopUpRequest extends RuntimeException {

    DuplicateTopUpRequest() {
        super("idempotency key already used by this user", null, false, false);
    }
}
