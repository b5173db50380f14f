package com.outboxwallet.paysim;

import org.jspecify.annotations.Nullable;

/**
 * What the simulator does wrong, on purpose; {@link #none()} to behave. Each {@code with…} returns a copy:
 * {@code Faults.none().withDuplicates(5).withOutOfOrder()}.
 *
 * @param down                   the charge and status APIs close the connection without an answer
 * @param slowMillis             the charge and status APIs wait this long before answering
 * @param serverErrors           how many of the next charge and status calls answer HTTP 500; -1 for all of them
 * @param duplicateNotifications every notification is delivered this many times (1: once)
 * @param outOfOrder             an order's pending notification is held back and sent after the next one
 * @param neverNotify            no notification is sent (the merchant must ask the status API)
 * @param wrongSignature         notifications carry a signature made with another key
 * @param amountDelta            added to the gross amount when an order settles (a fee folded in); null for none
 * @param reverseAfterSettlement right after settling, the order is reversed this way: refund, chargeback or deny
 */
public record Faults(
        boolean down,
        long slowMillis,
        int serverErrors,
        int duplicateNotifications,
        boolean outOfOrder,
        boolean neverNotify,
        boolean wrongSignature,
        @Nullable String amountDelta,
        @Nullable String reverseAfterSettlement) {

    public Faults {
        if (slowMillis < 0 || serverErrors < -1 || duplicateNotifications < 1) {
            throw new IllegalArgumentException(
                    "slowMillis >= 0, serverErrors >= -1 and duplicateNotifications >= 1, not " + slowMillis + ", "
                            + serverErrors + ", " + duplicateNotifications);
        }
        if (amountDelta != null) {
            new java.math.BigDecimal(amountDelta); // a number, or the request fails here
        }
        if (reverseAfterSettlement != null
                && !java.util.Set.of("refund", "chargeback", "deny").contains(reverseAfterSettlement)) {
            throw new IllegalArgumentException("reverseAfterSettlement is refund, chargeback or deny");
        }
    }

    public static Faults none() {
        return new Faults(false, 0, 0, 1, false, false, false, null, null);
    }

    public Faults withDown() {
        return new Faults(
                true,
                slowMillis,
                serverErrors,
                duplicateNotifications,
                outOfOrder,
                neverNotify,
                wrongSignature,
                amountDelta,
                reverseAfterSettlement);
    }

    public Faults withSlow(long millis) {
        return new Faults(
                down,
                millis,
                serverErrors,
                duplicateNotifications,
                outOfOrder,
                neverNotify,
                wrongSignature,
                amountDelta,
                reverseAfterSettlement);
    }

    /** @param calls how many calls answer 500; -1 for all */
    public Faults withServerErrors(int calls) {
        return new Faults(
                down,
                slowMillis,
                calls,
                duplicateNotifications,
                outOfOrder,
                neverNotify,
                wrongSignature,
                amountDelta,
                reverseAfterSettlement);
    }

    public Faults withDuplicates(int times) {
        return new Faults(
                down,
                slowMillis,
                serverErrors,
                times,
                outOfOrder,
                neverNotify,
                wrongSignature,
                amountDelta,
                reverseAfterSettlement);
    }

    public Faults withOutOfOrder() {
        return new Faults(
                down,
                slowMillis,
                serverErrors,
                duplicateNotifications,
                true,
                neverNotify,
                wrongSignature,
                amountDelta,
                reverseAfterSettlement);
    }

    public Faults withNeverNotify() {
        return new Faults(
                down,
                slowMillis,
                serverErrors,
                duplicateNotifications,
                outOfOrder,
                true,
                wrongSignature,
                amountDelta,
                reverseAfterSettlement);
    }

    public Faults withWrongSignature() {
        return new Faults(
                down,
                slowMillis,
                serverErrors,
                duplicateNotifications,
                outOfOrder,
                neverNotify,
                true,
                amountDelta,
                reverseAfterSettlement);
    }

    public Faults withAmountDelta(String delta) {
        return new Faults(
                down,
                slowMillis,
                serverErrors,
                duplicateNotifications,
                outOfOrder,
                neverNotify,
                wrongSignature,
                delta,
                reverseAfterSettlement);
    }

    /** @param how refund, chargeback or deny */
    public Faults withReverseAfterSettlement(String how) {
        return new Faults(
                down,
                slowMillis,
                serverErrors,
                duplicateNotifications,
                outOfOrder,
                neverNotify,
                wrongSignature,
                amountDelta,
                how);
    }
}
