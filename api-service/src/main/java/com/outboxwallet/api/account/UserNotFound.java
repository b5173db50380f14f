package com.outboxwallet.api.account;

import com.outboxwallet.api.Refusal;
import java.util.UUID;

public class UserNotFound extends Refusal {

    public UserNotFound(UUID userId) {
        super("No user " + userId + ".");
    }
}
