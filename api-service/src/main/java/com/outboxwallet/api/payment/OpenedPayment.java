package com.outboxwallet.api.payment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The provider's answer to opening a payment, or to finding one an earlier call opened.
 *
 * @param report where the payment stands at the provider (pending, usually; paid, when it was found again later)
 */
public record OpenedPayment(
        ProviderReport report,
        Instructions instructions,
        @Nullable Instant expiresAt) {}
