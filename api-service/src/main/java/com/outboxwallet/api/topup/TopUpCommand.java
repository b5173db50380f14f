package com.outboxwallet.api.topup;

import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.api.idempotency.RequestFingerprint;
import java.util.Objects;
import java.util.UUID;

/** A user's request to raise their own wallet's balance. It names no wallet: the caller owns exactly one. */
public record TopUpCommand(UUID userId, IdempotencyKey key, Amount amount) {

    public TopUpCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(amount, "amount");
    }

    /**
     * Identifies the request behind the key: "10" and "10.00" are the same request, "10.01" is not. It names the
     * operation, never a route, so the JSON API and the web page agree on it (V3 rewrote the older, route-named ones).
     */
    public String fingerprint() {
        return RequestFingerprint.of("top-up amount=" + amount);
    }
}
