package com.outboxwallet.api.topup;

import com.outboxwallet.api.idempotency.IdempotencyKey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/** A user's request to raise their own wallet's balance. It names no wallet: the caller owns exactly one. */
public record TopUpCommand(UUID userId, IdempotencyKey key, BigDecimal amount) {

    /**
     * How a client writes an amount: plain digits, at most 2 fraction digits, no sign, exponent, grouping or
     * leading zeros, and at most 13 integer digits (the column's precision).
     */
    public static final String AMOUNT_FORMAT = "(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?";
    public static final String AMOUNT_EXPECTED =
            "a plain decimal string with at most 2 fraction digits, such as \"150000.00\"";

    public TopUpCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(key, "key");
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw new IllegalArgumentException("amount must be positive with at most two fraction digits: " + amount);
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Identifies the request behind the key: "10" and "10.00" are the same request, "10.01" is not. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("POST /api/v1/topups amount=" + amount.toPlainString()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
