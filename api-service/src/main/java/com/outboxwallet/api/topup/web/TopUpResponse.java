package com.outboxwallet.api.topup.web;

import com.outboxwallet.api.topup.TopUp;
import io.swagger.v3.oas.annotations.media.Schema;

/** Amounts are strings: exact decimals that no JSON parser turns into a binary float. */
record TopUpResponse(
        @Schema(format = "uuid", example = "0b6f8f5e-3c0a-4f8e-9d59-6a0d2b1c7e44")
        String id,

        @Schema(format = "uuid", example = "5f0c3a6e-8d1b-4c47-9a51-2f1e6d7b9c10")
        String walletId,

        @Schema(pattern = "^[0-9]+\\.[0-9]{2}$", example = "150000.00")
        String amount,

        @Schema(pattern = "^[A-Z]{3}$", example = "EUR") String currency,

        @Schema(
                description = "the balance right after this top-up",
                pattern = "^[0-9]+\\.[0-9]{2}$",
                example = "150000.00")
        String balance,

        @Schema(format = "date-time", example = "2026-12-01T09:30:00Z")
        String createdAt) {

    static TopUpResponse of(TopUp topUp) {
        return new TopUpResponse(
                topUp.id().toString(),
                topUp.walletId().toString(),
                topUp.amount().toPlainString(),
                topUp.currency(),
                topUp.balanceAfter().toPlainString(),
                topUp.createdAt().toString());
    }
}
