package com.outboxwallet.api.idempotency;

/**
 * The first response to a keyed request, kept so a retry gets the same bytes back.
 *
 * @param requestFingerprint identifies the request that used the key, so another request under it is refused
 */
public record RecordedResponse(int status, String location, String contentType, String body, String requestFingerprint) {
}
