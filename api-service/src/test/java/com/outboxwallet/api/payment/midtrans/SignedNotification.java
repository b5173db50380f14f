package com.outboxwallet.api.payment.midtrans;

/**
 * A Midtrans notification as the provider sends it, signed with a server key: for tests that play the provider's part
 * on the webhook. {@code aSettlement(order, "150000.00").signedWith(key)}.
 */
public final class SignedNotification {

    private final String orderId;
    private final String status;
    private final String statusCode;
    private final String grossAmount;
    private String transactionId;

    private SignedNotification(String orderId, String status, String statusCode, String grossAmount) {
        this.orderId = orderId;
        this.status = status;
        this.statusCode = statusCode;
        this.grossAmount = grossAmount;
        this.transactionId = "tx-" + orderId;
    }

    public static SignedNotification aPending(String orderId, String grossAmount) {
        return new SignedNotification(orderId, "pending", "201", grossAmount);
    }

    public static SignedNotification aSettlement(String orderId, String grossAmount) {
        return new SignedNotification(orderId, "settlement", "200", grossAmount);
    }

    public static SignedNotification anExpiry(String orderId, String grossAmount) {
        return new SignedNotification(orderId, "expire", "202", grossAmount);
    }

    public static SignedNotification aDenial(String orderId, String grossAmount) {
        return new SignedNotification(orderId, "deny", "202", grossAmount);
    }

    public static SignedNotification aRefund(String orderId, String grossAmount) {
        return new SignedNotification(orderId, "refund", "200", grossAmount);
    }

    public SignedNotification withTransactionId(String id) {
        this.transactionId = id;
        return this;
    }

    public String signedWith(String serverKey) {
        return body(new MidtransSignature(serverKey).of(orderId, statusCode, grossAmount));
    }

    public String body(String signature) {
        return "{\"transaction_time\":\"2026-12-05 10:00:00\",\"transaction_status\":\"" + status + "\","
                + "\"transaction_id\":\"" + transactionId + "\",\"status_message\":\"midtrans payment notification\","
                + "\"status_code\":\"" + statusCode + "\",\"signature_key\":\"" + signature + "\","
                + "\"payment_type\":\"bank_transfer\",\"order_id\":\"" + orderId + "\","
                + "\"merchant_id\":\"G000000001\",\"gross_amount\":\"" + grossAmount + "\",\"fraud_status\":\"accept\","
                + "\"currency\":\"IDR\",\"va_numbers\":[{\"bank\":\"bca\",\"va_number\":\"12345678901\"}],"
                + "\"expiry_time\":\"2026-12-05 11:00:00\"}";
    }
}
