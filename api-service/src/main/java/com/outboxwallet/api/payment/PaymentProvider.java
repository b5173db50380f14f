package com.outboxwallet.api.payment;

import java.util.Map;
import java.util.Optional;

/**
 * One payment provider's protocol: opening a payment, asking where one stands, and telling its notifications from
 * forgeries. A second provider (a Stripe-style signature, say) is another implementation, not a change to the saga.
 * Implementations keep their own timeouts; the circuit breaker around them is the caller's ({@link ProviderCalls}).
 */
public interface PaymentProvider {

    /** The provider's name, lower case: stored with each payment and put on the top-up's event. */
    String name();

    /**
     * Opens the payment, or finds it when an earlier call with the same order id reached the provider but its answer
     * was lost: the call is never repeated as a second payment.
     *
     * @throws ProviderUnavailable when the provider could not be reached or failed to answer
     */
    OpenedPayment open(PaymentOrder order);

    /**
     * @return where the payment stands at the provider; empty when it does not know the order
     * @throws ProviderUnavailable when the provider could not be reached or failed to answer
     */
    Optional<ProviderReport> status(String orderId);

    /**
     * Reads a notification as it arrived, its signature checked on the bytes received.
     *
     * @param headers the request's headers, names in lower case
     * @throws NotificationRejected when it is not signed by the provider or is not a notification of its protocol
     */
    ProviderReport verify(Map<String, String> headers, byte[] body);
}
