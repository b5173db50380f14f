package com.outboxwallet.api.idempotency;

/** @param replayed true when this is the first request's response given again, not the result of new work */
public record IdempotentResponse(RecordedResponse response, boolean replayed) {
}
