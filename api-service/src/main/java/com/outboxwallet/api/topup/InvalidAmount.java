package com.outboxwallet.api.topup;

import com.outboxwallet.api.Refusal;

/** The amount a client sent is not one: {@link #expected()} says what would be. */
public class InvalidAmount extends Refusal {

    private final String expected;

    InvalidAmount(String expected) {
        super("invalid amount: expected " + expected);
        this.expected = expected;
    }

    public String expected() {
        return expected;
    }
}
