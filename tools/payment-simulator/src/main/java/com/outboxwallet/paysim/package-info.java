/**
 * A payment provider in a process of its own, speaking Midtrans's Core API: the charge and status APIs (Basic auth
 * with the server key), signed HTTP notifications delivered on the provider's retry schedule, and a control API under
 * {@code /simulator} to pay, expire, refund, and switch faults on. Never deployed: it stands in for the provider in
 * {@code ./run-local}, the tests and the fault harness.
 */
@NullMarked
package com.outboxwallet.paysim;

import org.jspecify.annotations.NullMarked;
