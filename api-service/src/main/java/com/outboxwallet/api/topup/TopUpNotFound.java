package com.outboxwallet.api.topup;

public class TopUpNotFound extends RuntimeException {

    public TopUpNotFound() {
        super("no such top-up");
    }
}
