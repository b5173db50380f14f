package com.outboxwallet.api.web;

import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;

/** Builds problem details in the API's one shape: type, title, status, detail and, where known, the fields at fault. */
public final class Problems {

    private Problems() {
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
