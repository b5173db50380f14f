/**
 * Funded top-ups (docs/payments.md): a payment opened at a payment provider credits the wallet once the provider
 * settles it. The state machine lives in PostgreSQL ({@link com.outboxwallet.api.payment.PaymentRepository}); every
 * path that hears from the provider converges in {@link com.outboxwallet.api.payment.PaymentReports}. The provider's
 * protocol is behind {@link com.outboxwallet.api.payment.PaymentProvider}.
 */
@NullMarked
package com.outboxwallet.api.payment;

import org.jspecify.annotations.NullMarked;
