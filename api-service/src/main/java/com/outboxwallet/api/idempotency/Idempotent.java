package com.outboxwallet.api.idempotency;

/**
 * @param value    the result of a keyed operation
 * @param replayed true when this is the first request's result given again, not the result of new work
 */
public record Idempotent<T>(T value, boolean replayed) {}
