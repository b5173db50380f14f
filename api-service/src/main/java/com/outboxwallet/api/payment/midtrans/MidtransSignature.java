package com.outboxwallet.api.payment.midtrans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Midtrans's notification signature: the lower-case hex SHA-512 of order_id, status_code, gross_amount and the
 * server key, concatenated as the notification wrote them. Compared in constant time, so that the time an answer takes
 * says nothing of how much of a forged signature was right.
 */
final class MidtransSignature {

    private final byte[] serverKey;

    MidtransSignature(String serverKey) {
        this.serverKey = serverKey.getBytes(StandardCharsets.UTF_8);
    }

    String of(String orderId, String statusCode, String grossAmount) {
        try {
            MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
            sha512.update((orderId + statusCode + grossAmount).getBytes(StandardCharsets.UTF_8));
            sha512.update(serverKey);
            return HexFormat.of().formatHex(sha512.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-512", e);
        }
    }

    boolean matches(String orderId, String statusCode, String grossAmount, String signature) {
        return MessageDigest.isEqual(
                of(orderId, statusCode, grossAmount).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
