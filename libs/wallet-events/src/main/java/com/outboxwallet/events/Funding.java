package com.outboxwallet.events;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where the money of a funded top-up came from: the wallet's payment and the provider's own reference to it. Only a
 * top-up a payment provider settled has one (docs/payments.md).
 *
 * @param paymentId             the wallet's payment
 * @param provider              the payment provider, lower case ({@code midtrans})
 * @param providerTransactionId the provider's id of the payment: what its statements and its support name
 */
public record Funding(UUID paymentId, String provider, String providerTransactionId) {

    private static final Pattern PROVIDER = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern REFERENCE = Pattern.compile("[\\x21-\\x7e]{1,100}");

    /** @throws InvalidWalletEvent when a value breaks the contract (docs/events.md) */
    public Funding {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerTransactionId, "providerTransactionId");
        if (!PROVIDER.matcher(provider).matches()) {
            throw new InvalidWalletEvent(
                    Violation.MALFORMED_PAYLOAD,
                    "funding.provider must be 1 to 32 lower-case letters, digits or hyphens, not '"
                            + WalletEventContract.excerpt(provider) + "'");
        }
        if (!REFERENCE.matcher(providerTransactionId).matches()) {
            throw new InvalidWalletEvent(
                    Violation.MALFORMED_PAYLOAD,
                    "funding.providerTransactionId must be 1 to 100 printable ASCII characters without spaces, not '"
                            + WalletEventContract.excerpt(providerTransactionId) + "'");
        }
    }
}
