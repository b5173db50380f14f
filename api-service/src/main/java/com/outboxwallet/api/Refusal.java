package com.outboxwallet.api;

/**
 * A request the service refuses for a reason the client can act on; nothing was written. Each kind is answered from
 * one table (the web's {@code Refusals}): its problem type, and so its status and whether it says when to retry.
 * Refusals carry no stack trace: they are answers, not failures.
 */
public abstract class Refusal extends RuntimeException {

    protected Refusal(String message) {
        super(message, null, false, false);
    }
}
