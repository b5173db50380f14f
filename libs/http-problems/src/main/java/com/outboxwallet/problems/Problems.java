package com.outboxwallet.problems;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds problem details in one shape: type, title, status, detail and, where known, the fields at fault. */
public final class Problems {

    /**
     * Seconds a client is asked to wait before it retries an answer that resolves by itself (a request still running,
     * a busy wallet, a database failing over), when nothing knows the wait better: the first request usually finishes
     * within milliseconds, and a second is a polite lower bound.
     */
    public static final String RETRY_SOON_SECONDS = "1";

    private Problems() {}

    /**
     * Says when to retry ({@code Retry-After}) if answers of {@code type} do, unless the response already says it, as a
     * limit that knows its own wait does.
     */
    public static void sayWhenToRetry(ProblemType type, HttpServletResponse response) {
        if (type.retryAfter() && !response.containsHeader(HttpHeaders.RETRY_AFTER)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_SOON_SECONDS);
        }
    }

    public static ProblemDetail of(ProblemType type, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    /** @param field where the fault is ("amount", "Idempotency-Key"); @param expected what would have been accepted */
    public static ProblemDetail withField(ProblemType type, @Nullable String detail, String field, String expected) {
        return withErrors(type, detail, List.of(new FieldError(field, expected)));
    }

    public static ProblemDetail withErrors(ProblemType type, @Nullable String detail, List<FieldError> errors) {
        ProblemDetail problem = of(type, detail);
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(e -> Map.of("field", e.field(), "expected", e.expected()))
                        .toList());
        return problem;
    }

    /** For answers written outside Spring MVC (security filters): the problem as the body, its status on the answer. */
    public static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    public record FieldError(String field, String expected) {}
}
