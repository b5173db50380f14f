package com.outboxwallet.api.wallet;

import com.outboxwallet.api.Refusal;
import java.util.UUID;

public class WalletNotFound extends Refusal {

    public WalletNotFound(UUID userId) {
        super("no wallet for user " + userId);
    }
}
