/** Midtrans's Core API: the charge and status calls, and its signed HTTP notifications. */
@NullMarked
package com.outboxwallet.api.payment.midtrans;

import org.jspecify.annotations.NullMarked;
