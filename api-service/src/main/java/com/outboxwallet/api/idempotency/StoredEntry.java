package com.outboxwallet.api.idempotency;

/**
 * What Redis holds under a key's scope: a claim while the first request runs, then its response.
 *
 * @param claimToken unique per claim, so a request only ever releases its own claim
 */
record StoredEntry(State state, String claimToken, String fingerprint, RecordedResponse response) {

    enum State { IN_FLIGHT, COMPLETED }

    static StoredEntry inFlight(String claimToken, String fingerprint) {
        return new StoredEntry(State.IN_FLIGHT, claimToken, fingerprint, null);
    }

    static StoredEntry completed(RecordedResponse response) {
        return new StoredEntry(State.COMPLETED, null, response.requestFingerprint(), response);
    }
}
