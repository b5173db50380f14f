package com.outboxwallet.api.topup;

/** @param replayed true when the key had been used before and this is the original top-up, not a new one */
public record TopUpOutcome(TopUp topUp, boolean replayed) {}
