package com.outboxwallet.problems;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The problem types of HTTP itself, the same in every service: the type of any error answer made without one. */
public final class HttpProblem {

    public static final ProblemType INVALID_REQUEST = ProblemType.of(
            "invalid-request",
            "The request is not valid",
            HttpStatus.BAD_REQUEST,
            "Fix the fields named in errors[] (each says what it expected) and send the request again.");
    public static final ProblemType UNAUTHORIZED = ProblemType.of(
            "unauthorized",
            "Authentication required",
            HttpStatus.UNAUTHORIZED,
            "Send HTTP Basic credentials of an enabled account that may make this request.");
    public static final ProblemType FORBIDDEN = ProblemType.of(
            "forbidden",
            "Not allowed",
            HttpStatus.FORBIDDEN,
            "Your role does not allow this request; an administrator's or operator's may.");
    public static final ProblemType NOT_FOUND = ProblemType.of(
            "not-found",
            "Not found",
            HttpStatus.NOT_FOUND,
            "Check the path and the id: only resources you may see can be found.");
    public static final ProblemType METHOD_NOT_ALLOWED = ProblemType.of(
            "method-not-allowed",
            "Method not allowed",
            HttpStatus.METHOD_NOT_ALLOWED,
            "Use one of the methods in the Allow header.");
    public static final ProblemType NOT_ACCEPTABLE = ProblemType.of(
            "not-acceptable",
            "Not acceptable",
            HttpStatus.NOT_ACCEPTABLE,
            "Accept application/json (and application/problem+json for errors).");
    public static final ProblemType PAYLOAD_TOO_LARGE = ProblemType.of(
            "payload-too-large",
            "The request body is too large",
            HttpStatus.CONTENT_TOO_LARGE,
            "Send a smaller body: this service's bodies are small JSON objects.");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = ProblemType.of(
            "unsupported-media-type",
            "Unsupported media type",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "Send the body as Content-Type: application/json.");
    public static final ProblemType RATE_LIMITED = ProblemType.of(
            "rate-limited",
            "Too many requests",
            HttpStatus.TOO_MANY_REQUESTS,
            "Wait Retry-After seconds; the RateLimit fields say your quota and what is left of it.");
    public static final ProblemType SERVICE_UNAVAILABLE = ProblemType.of(
            "service-unavailable",
            "Temporarily unavailable",
            HttpStatus.SERVICE_UNAVAILABLE,
            "Retry after Retry-After seconds; a request retried with the same Idempotency-Key takes effect once.");
    public static final ProblemType INTERNAL = ProblemType.of(
            "internal",
            "Internal error",
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Retry (with the same Idempotency-Key where the request has one: nothing is ever applied twice)."
                    + " Report it if it persists.");

    /** Every one of them, the first of each status being that status's type. */
    public static final List<ProblemType> ALL = List.of(
            INVALID_REQUEST,
            UNAUTHORIZED,
            FORBIDDEN,
            NOT_FOUND,
            METHOD_NOT_ALLOWED,
            NOT_ACCEPTABLE,
            PAYLOAD_TOO_LARGE,
            UNSUPPORTED_MEDIA_TYPE,
            RATE_LIMITED,
            SERVICE_UNAVAILABLE,
            INTERNAL);

    private HttpProblem() {}

    /** The type of an error answer that was not given one where it arose (Spring's own 404, 405, 406, ...). */
    public static ProblemType forStatus(int status) {
        return ALL.stream()
                .filter(type -> type.status().value() == status)
                .findFirst()
                .orElse(status >= 400 && status < 500 ? INVALID_REQUEST : INTERNAL);
    }
}
