package com.outboxwallet.api.topup;

import com.outboxwallet.api.Refusal;

public class TopUpNotFound extends Refusal {

    public TopUpNotFound() {
        super("no such top-up");
    }
}
