package com.outboxwallet.api.ratelimit;

import com.outboxwallet.api.Refusal;

/** The caller used up their requests for the current window. */
public class RateLimited extends Refusal {

    private final RateLimitDecision decision;

    public RateLimited(RateLimitDecision decision) {
        super("at most " + decision.limit() + " requests per " + decision.windowSeconds() + " s; retry in "
                + decision.secondsToPermit() + " s");
        this.decision = decision;
    }

    public RateLimitDecision decision() {
        return decision;
    }
}
