package com.outboxwallet.api.idempotency;

import org.jspecify.annotations.Nullable;

/**
 * What Redis holds under a key's scope: a claim while the first request runs, then its result.
 *
 * @param claimToken  unique per claim, so a request only ever releases its own claim
 * @param fingerprint identifies the request that used the key, so another request under it is refused
 * @param result      the first request's result as JSON, once completed
 */
record StoredEntry(
        State state,
        @Nullable String claimToken,
        String fingerprint,
        @Nullable String result) {

    enum State {
        IN_FLIGHT,
        COMPLETED
    }

    static StoredEntry inFlight(String claimToken, String fingerprint) {
        return new StoredEntry(State.IN_FLIGHT, claimToken, fingerprint, null);
    }

    static StoredEntry completed(String fingerprint, String result) {
        return new StoredEntry(State.COMPLETED, null, fingerprint, result);
    }
}
