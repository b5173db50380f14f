package com.outboxwallet.api.account;

import com.outboxwallet.api.Refusal;

/** An administrator asked to disable their own account, which would leave nobody to enable it again. */
public class CannotDisableYourself extends Refusal {

    public CannotDisableYourself() {
        super("An administrator cannot disable their own account; ask another administrator.");
    }
}
