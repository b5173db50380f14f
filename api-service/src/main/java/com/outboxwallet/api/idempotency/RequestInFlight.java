package com.outboxwallet.api.idempotency;

import com.outboxwallet.api.Refusal;

/** The first request with this key has not finished yet; the client should retry the same request shortly. */
public class RequestInFlight extends Refusal {

    public RequestInFlight() {
        super("a request with this Idempotency-Key is still being processed; retry it in a moment");
    }
}
