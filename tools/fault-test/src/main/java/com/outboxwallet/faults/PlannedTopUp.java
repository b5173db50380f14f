package com.outboxwallet.faults;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The n-th top-up of a run: whose it is, its key, its amount and, for a funded one, what its payer does, all from the
 * seed, so a run's requests are the same whichever client thread sends them. Every retry sends exactly this: the same
 * key with the same body.
 *
 * @param payer null for a direct top-up ({@code POST /api/v1/topups}); for a funded one ({@code POST
 *              /api/v1/payments}), what the user does at the provider once the payment is opened
 */
record PlannedTopUp(
        int number,
        int user,
        String idempotencyKey,
        BigDecimal amount,
        @Nullable Payer payer) {

    /** What a user does with a payment once the wallet opened it. */
    enum Payer {
        /** Transfers the amount to the virtual account at once. */
        PAYS,
        /** Pays, then gets the money back from the provider (a refund: the wallet must take the credit back). */
        PAYS_THEN_REFUNDS,
        /** Never pays: the payment expires. */
        LETS_IT_EXPIRE,
        /** Cancels it at the provider. */
        CANCELS;

        /** 85 % pay, 5 % pay and are refunded, 5 % let it expire, 5 % cancel. */
        static Payer drawn(SplittableRandom random) {
            int roll = random.nextInt(100);
            return roll < 85 ? PAYS : roll < 90 ? PAYS_THEN_REFUNDS : roll < 95 ? LETS_IT_EXPIRE : CANCELS;
        }
    }

    /** @param fundedPercent the share of top-ups that are funded, 0 to 100 */
    static PlannedTopUp of(long seed, int number, int users, int fundedPercent) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + number);
        long cents = 1 + random.nextLong(100_000); // 0.01 to 1,000.00
        int user = random.nextInt(users);
        Payer payer = random.nextInt(100) < fundedPercent ? Payer.drawn(random) : null;
        return new PlannedTopUp(number, user, "fault-" + seed + "-" + number, BigDecimal.valueOf(cents, 2), payer);
    }

    boolean funded() {
        return payer != null;
    }

    String path() {
        return funded() ? "/api/v1/payments" : "/api/v1/topups";
    }

    String body() {
        return funded()
                ? "{\"amount\":\"" + amount.toPlainString() + "\",\"method\":\"virtual-account\"}"
                : "{\"amount\":\"" + amount.toPlainString() + "\"}";
    }
}
