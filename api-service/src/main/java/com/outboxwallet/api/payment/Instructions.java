package com.outboxwallet.api.payment;

import org.jspecify.annotations.Nullable;

/**
 * What the user does to pay: transfer to a bank's virtual account, or scan a QRIS code.
 *
 * @param bank           the virtual account's bank, lower case ({@code bca})
 * @param virtualAccount the account number to transfer to
 * @param qrString       the QRIS payload a banking app scans
 */
public record Instructions(
        @Nullable String bank,
        @Nullable String virtualAccount,
        @Nullable String qrString) {

    public static Instructions virtualAccount(String bank, String number) {
        return new Instructions(bank, number, null);
    }

    public static Instructions qris(String qrString) {
        return new Instructions(null, null, qrString);
    }
}
