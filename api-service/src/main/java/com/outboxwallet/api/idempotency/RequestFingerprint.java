package com.outboxwallet.api.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies the request behind an Idempotency-Key: the SHA-256 of the operation and its normalised values, so
 * that the same key with another request is refused. It names the operation, never a route, so every channel agrees.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {}

    /** @param request the operation and its values, normalised: {@code top-up amount=10.00} */
    public static String of(String request) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
