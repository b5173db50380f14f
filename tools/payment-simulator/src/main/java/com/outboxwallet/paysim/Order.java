package com.outboxwallet.paysim;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One payment as the provider keeps it; immutable, replaced whole on each change.
 *
 * @param grossAmount     as Midtrans writes it: two decimals ("150000.00")
 * @param status          Midtrans's transaction_status
 * @param notificationUrl where its notifications go
 * @param chargeKey       the Idempotency-Key its charge came with, and the request it was for
 */
record Order(
        String orderId,
        String transactionId,
        String paymentType,
        @Nullable String bank,
        @Nullable String vaNumber,
        @Nullable String qrString,
        String grossAmount,
        String status,
        Instant transactionTime,
        Instant expiryTime,
        @Nullable Instant settlementTime,
        @Nullable String refundAmount,
        @Nullable String notificationUrl,
        @Nullable String chargeKey,
        String chargeBody) {

    Order withStatus(String next, Instant at) {
        return new Order(
                orderId,
                transactionId,
                paymentType,
                bank,
                vaNumber,
                qrString,
                grossAmount,
                next,
                transactionTime,
                expiryTime,
                "settlement".equals(next) ? at : settlementTime,
                refundAmount,
                notificationUrl,
                chargeKey,
                chargeBody);
    }

    Order withGrossAmount(String amount) {
        return new Order(
                orderId,
                transactionId,
                paymentType,
                bank,
                vaNumber,
                qrString,
                amount,
                status,
                transactionTime,
                expiryTime,
                settlementTime,
                refundAmount,
                notificationUrl,
                chargeKey,
                chargeBody);
    }

    Order withRefund(String amount) {
        return new Order(
                orderId,
                transactionId,
                paymentType,
                bank,
                vaNumber,
                qrString,
                grossAmount,
                status,
                transactionTime,
                expiryTime,
                settlementTime,
                amount,
                notificationUrl,
                chargeKey,
                chargeBody);
    }

    /** Midtrans's status_code for each transaction_status. */
    String statusCode() {
        return switch (status) {
            case "pending" -> "201";
            case "deny", "cancel", "expire", "failure" -> "202";
            default -> "200";
        };
    }

    BigDecimal gross() {
        return new BigDecimal(grossAmount);
    }
}
