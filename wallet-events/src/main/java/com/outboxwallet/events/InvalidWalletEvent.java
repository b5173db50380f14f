package com.outboxwallet.events;

import org.jspecify.annotations.Nullable;

/** A record on a wallet topic that cannot be read as the event it claims to be; retrying will not help. */
public class InvalidWalletEvent extends RuntimeException {

    public InvalidWalletEvent(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
