package com.outboxwallet.api.account;

/** A password change named a current password that is not the account's; nothing was changed. */
public class WrongCurrentPassword extends RuntimeException {

    public WrongCurrentPassword() {
        super("The current password is not right; the password was not changed.");
    }
}
