package com.outboxwallet.api.payment;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * What the wallet asks a provider to open.
 *
 * @param orderId our id for it at the provider, the same on every retry of the call
 * @param expiry  how long the user has to pay
 */
public record PaymentOrder(String orderId, BigDecimal amount, String currency, PaymentMethod method, Duration expiry) {}
