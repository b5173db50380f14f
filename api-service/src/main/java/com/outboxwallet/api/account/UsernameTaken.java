package com.outboxwallet.api.account;

import com.outboxwallet.api.Refusal;

/** The users_username_uq constraint refused a second user of that name. */
public class UsernameTaken extends Refusal {

    private final String username;

    public UsernameTaken(String username) {
        super("username already taken: " + username);
        this.username = username;
    }

    public String username() {
        return username;
    }
}
