package com.outboxwallet.api.account;

import com.outboxwallet.api.Refusal;
import com.outboxwallet.loginguard.PasswordPolicy;

/** A password the {@link PasswordPolicy} refuses; nothing was written. */
public class InvalidPassword extends Refusal {

    private final String field;

    private InvalidPassword(String field, String reason) {
        super("The password must have " + reason + ".");
        this.field = field;
    }

    /** @throws InvalidPassword naming {@code field} when the policy refuses the password */
    static void check(String field, String password) {
        PasswordPolicy.violation(password).ifPresent(reason -> {
            throw new InvalidPassword(field, reason);
        });
    }

    public String field() {
        return field;
    }

    public String expected() {
        return PasswordPolicy.EXPECTED;
    }
}
