package com.outboxwallet.api.ratelimit.web;

import com.outboxwallet.api.Refusal;
import com.outboxwallet.api.ratelimit.RateLimitDecision;

/** The caller used up their requests for the current window. */
public class RateLimited extends Refusal {

    private final RateLimitDecision decision;

    RateLimited(RateLimitDecision decision) {
        super("at most " + decision.limit() + " requests per " + decision.windowSeconds() + " s; retry in "
                + decision.secondsToPermit() + " s");
        this.decision = decision;
    }

    public RateLimitDecision decision() {
        return decision;
    }
}
