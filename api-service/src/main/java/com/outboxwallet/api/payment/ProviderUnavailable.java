package com.outboxwallet.api.payment;

/** The provider could not be reached, did not answer in time, or answered with its own failure. */
public class ProviderUnavailable extends RuntimeException {

    public ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public ProviderUnavailable(String message) {
        super(message);
    }
}
