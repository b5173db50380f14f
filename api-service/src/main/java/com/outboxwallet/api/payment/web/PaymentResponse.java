package com.outboxwallet.api.payment.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.outboxwallet.api.payment.Payment;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A funded top-up as its owner sees it: where it stands and how to pay it. Amounts are exact decimal strings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PaymentResponse(
        @Schema(format = "uuid", example = "3f6c1d2e-9a8b-4c7d-8e5f-1a2b3c4d5e6f")
        String id,

        @Schema(
                description = "REQUESTED (the provider has not answered yet), PENDING (waiting to be paid), SETTLED"
                        + " (paid and credited), EXPIRED, FAILED, REVERSED (refunded or charged back), HELD (paid,"
                        + " not credited: an operator looks at it)",
                allowableValues = {"REQUESTED", "PENDING", "SETTLED", "EXPIRED", "FAILED", "REVERSED", "HELD"},
                example = "PENDING")
        String state,

        @Schema(pattern = "^[0-9]+\\.[0-9]{2}$", example = "150000.00")
        String amount,

        @Schema(pattern = "^[A-Z]{3}$", example = "IDR") String currency,

        @Schema(
                allowableValues = {"virtual-account", "qris"},
                example = "virtual-account")
        String method,

        @Schema(description = "how to pay, once the provider opened the payment") @Nullable
        HowToPay payment,

        @Schema(format = "date-time", description = "pay before this", example = "2026-12-01T10:30:00Z") @Nullable
        String expiresAt,

        @Schema(format = "uuid", description = "the top-up that credited it, once settled") @Nullable
        String topUpId,

        @Schema(description = "settled after it had expired: credited all the same") @Nullable
        Boolean paidLate,

        @Schema(format = "date-time", example = "2026-12-01T09:30:00Z")
        String createdAt) {

    /** How to pay: a bank's virtual account to transfer to, or a QRIS code to scan. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HowToPay(
            @Schema(example = "bca") @Nullable String bank,
            @Schema(example = "12345678901") @Nullable String virtualAccount,

            @Schema(description = "the QRIS payload a banking app scans") @Nullable
            String qrString) {}

    static PaymentResponse of(Payment payment) {
        var how = payment.instructions();
        return new PaymentResponse(
                payment.id().toString(),
                payment.state().name(),
                payment.amount().toPlainString(),
                payment.currency(),
                payment.method().wireName(),
                how == null ? null : new HowToPay(how.bank(), how.virtualAccount(), how.qrString()),
                payment.expiresAt() == null ? null : payment.expiresAt().toString(),
                payment.topUpId() == null ? null : payment.topUpId().toString(),
                payment.paidLate() ? Boolean.TRUE : null,
                payment.createdAt().toString());
    }
}
