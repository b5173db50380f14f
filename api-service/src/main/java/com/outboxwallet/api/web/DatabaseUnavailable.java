package com.outboxwallet.api.web;

import com.outboxwallet.problems.HttpProblem;
import com.outboxwallet.problems.Problems;
import org.springframework.http.ProblemDetail;

/** The answer while the database (or another part a request needs) cannot be reached: retry, with the same key. */
final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before it retries. */
    static final String RETRY_AFTER = "1";

    private DatabaseUnavailable() {}

    static ProblemDetail problem() {
        return Problems.of(
                HttpProblem.SERVICE_UNAVAILABLE,
                "The service cannot reach its database right now. Nothing"
                        + " was charged twice; retry with the same Idempotency-Key.");
    }
}
