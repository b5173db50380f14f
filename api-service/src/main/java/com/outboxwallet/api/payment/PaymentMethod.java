package com.outboxwallet.api.payment;

import java.util.Arrays;
import java.util.Optional;

/** How the user pays: into a bank virtual account, or by scanning a QRIS code. */
public enum PaymentMethod {
    VIRTUAL_ACCOUNT("virtual-account"),
    QRIS("qris");

    private final String wireName;

    PaymentMethod(String wireName) {
        this.wireName = wireName;
    }

    /** As clients write it. */
    public String wireName() {
        return wireName;
    }

    public static Optional<PaymentMethod> fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }

    public static String expected() {
        return "one of "
                + String.join(
                        ", ",
                        Arrays.stream(values()).map(PaymentMethod::wireName).toList());
    }
}
