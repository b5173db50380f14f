package com.outboxwallet.api.account;

/** An administrator asked to disable their own account, which would leave nobody to enable it again. */
public class CannotDisableYourself extends RuntimeException {

    public CannotDisableYourself() {
        super("An administrator cannot disable their own account; ask another administrator.");
    }
}
