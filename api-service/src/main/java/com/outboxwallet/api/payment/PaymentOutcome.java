package com.outboxwallet.api.payment;

/** @param replayed true when the key had been used before and this is that request's payment */
public record PaymentOutcome(Payment payment, boolean replayed) {}
