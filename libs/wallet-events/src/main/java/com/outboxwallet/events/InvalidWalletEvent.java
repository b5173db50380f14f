package com.outboxwallet.events;

import org.jspecify.annotations.Nullable;

/**
 * A record on a wallet topic that is not a valid event of the contract; retrying will not help. The message names the
 * part at fault and what was expected; it never quotes more than a short prefix of what the record carried.
 */
public class InvalidWalletEvent extends RuntimeException {

    private final Violation violation;

    public InvalidWalletEvent(Violation violation, String message) {
        this(violation, message, null);
    }

    public InvalidWalletEvent(Violation violation, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }
}
