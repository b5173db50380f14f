package com.outboxwallet.api.topup;

import com.outboxwallet.api.Refusal;

/** A direct top-up the policy ({@code wallet.top-ups.direct}) does not allow to this caller; nothing was written. */
public class DirectTopUpNotAllowed extends Refusal {

    public DirectTopUpNotAllowed(DirectTopUps policy) {
        super(
                switch (policy) {
                    case OPERATORS ->
                        "Top up through a payment (POST /api/v1/payments): crediting a wallet directly is for"
                                + " operators, on a user's behalf.";
                    case OFF -> "Top up through a payment (POST /api/v1/payments): direct top-ups are off.";
                    case USERS -> throw new IllegalArgumentException("users may top up directly");
                });
    }
}
