package com.outboxwallet.api.account;

import java.util.UUID;

public class UserNotFound extends RuntimeException {

    public UserNotFound(UUID userId) {
        super("No user " + userId + ".");
    }
}
