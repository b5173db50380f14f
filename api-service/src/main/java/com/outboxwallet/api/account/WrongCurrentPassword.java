package com.outboxwallet.api.account;

import com.outboxwallet.api.Refusal;

/** A password change named a current password that is not the account's; nothing was changed. */
public class WrongCurrentPassword extends Refusal {

    public WrongCurrentPassword() {
        super("The current password is not right; the password was not changed.");
    }
}
