package com.outboxwallet.api.wallet;

import java.util.UUID;

public class WalletNotFound extends RuntimeException {

    public WalletNotFound(UUID userId) {
        super("no wallet for user " + userId);
    }
}
