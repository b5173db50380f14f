package com.outboxwallet.api.web;

import com.outboxwallet.problems.HttpProblem;
import com.outboxwallet.problems.Problems;
import java.sql.SQLException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

/** The answer while the database (or another part a request needs) cannot be reached: retry, with the same key. */
final class DatabaseUnavailable {

    /**
     * What the sessions' timeouts raise (docs/architecture.md, "Nothing waits forever") and Spring leaves
     * uncategorised: 55P03 lock_not_available ({@code lock_timeout}), 25P03 the session ended by
     * {@code idle_in_transaction_session_timeout}. (A statement timeout, 57014, is already a resource failure.)
     */
    private static final Set<String> TIMEOUT_STATES = Set.of("55P03", "25P03");

    private DatabaseUnavailable() {}

    /** Whether the database gave up waiting (a lock, an idle transaction), which says nothing against the request. */
    static boolean timedOut(@Nullable SQLException failure) {
        return failure != null && TIMEOUT_STATES.contains(failure.getSQLState());
    }

    static ProblemDetail problem() {
        return Problems.of(
                HttpProblem.SERVICE_UNAVAILABLE,
                "The service cannot reach its database right now. Nothing"
                        + " was charged twice; retry with the same Idempotency-Key.");
    }
}
