package com.outboxwallet.api.idempotency;

/**
 * A client's Idempotency-Key: 1 to 255 printable ASCII characters (the IETF draft leaves the form to the server;
 * this bound keeps keys storable and loggable).
 */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value == null || value.isBlank()) {
            throw new InvalidIdempotencyKey(InvalidIdempotencyKey.Reason.MISSING);
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidIdempotencyKey(InvalidIdempotencyKey.Reason.TOO_LONG);
        }
        if (!value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new InvalidIdempotencyKey(InvalidIdempotencyKey.Reason.NOT_PRINTABLE_ASCII);
        }
    }
}
