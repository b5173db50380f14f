package com.outboxwallet.api.web;

import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;

/** Builds problem details in the API's one shape: type, title, status, detail and, where known, the fields at fault. */
public final class Problems {

    /** Seconds a client is asked to wait before it retries a {@link ProblemType#SERVICE_UNAVAILABLE}. */
    public static final String RETRY_UNAVAILABLE_AFTER = "1";

    private Problems() {
    }

    /** The database (or another part the request needs) cannot be reached for now: retry, with the same key. */
    public static ProblemDetail serviceUnavailable() {
        return of(ProblemType.SERVICE_UNAVAILABLE, "The service cannot reach its database right now. Nothing was"
                + " charged twice; retry with the same Idempotency-Key.");
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    /** @param field where the fault is ("amount", "Idempotency-Key"); @param expected what would have been accepted */
    public static ProblemDetail withField(ProblemType type, String detail, String field, String expected) {
        return withErrors(type, detail, List.of(new FieldError(field, expected)));
    }

    public static ProblemDetail withErrors(ProblemType type, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(type, detail);
        problem.setProperty("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "expected", e.expected()))
                .toList());
        return problem;
    }

    public record FieldError(String field, String expected) {
    }
}
