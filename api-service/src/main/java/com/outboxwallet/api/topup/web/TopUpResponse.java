package com.outboxwallet.api.topup.web;

import com.outboxwallet.api.topup.TopUp;

/** Amounts are strings: exact decimals that no JSON parser turns into a binary float. */
record TopUpResponse(String id, String walletId, String amount, String currency, String balance, String createdAt) {

    static TopUpResponse of(TopUp topUp) {
        return new TopUpResponse(topUp.id().toString(), topUp.walletId().toString(), topUp.amount().toPlainString(),
                topUp.currency(), topUp.balanceAfter().toPlainString(), topUp.createdAt().toString());
    }
}
