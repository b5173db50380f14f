package com.outboxwallet.problems;

import org.springframework.http.HttpStatus;

/** The problem types of HTTP itself, the same in every service: the type of any error answer made without one. */
public enum HttpProblem implements ProblemType {
    INVALID_REQUEST("invalid-request", "The request is not valid", HttpStatus.BAD_REQUEST,
            "Fix the fields named in errors[] (each says what it expected) and send the request again."),
    UNAUTHORIZED("unauthorized", "Authentication required", HttpStatus.UNAUTHORIZED,
            "Send HTTP Basic credentials of an enabled account that may make this request."),
    FORBIDDEN("forbidden", "Not allowed", HttpStatus.FORBIDDEN,
            "Your role does not allow this request; an administrator's or operator's may."),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND,
            "Check the path and the id: only resources you may see can be found."),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED,
            "Use one of the methods in the Allow header."),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE,
            "Accept application/json (and application/problem+json for errors)."),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", HttpStatus.CONTENT_TOO_LARGE,
            "Send a smaller body: this service's bodies are small JSON objects."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "Send the body as Content-Type: application/json."),
    RATE_LIMITED("rate-limited", "Too many requests", HttpStatus.TOO_MANY_REQUESTS,
            "Wait Retry-After seconds; the RateLimit fields say your quota and what is left of it."),
    SERVICE_UNAVAILABLE("service-unavailable", "Temporarily unavailable", HttpStatus.SERVICE_UNAVAILABLE,
            "Retry after Retry-After seconds; a request retried with the same Idempotency-Key takes effect once."),
    INTERNAL("internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR,
            "Retry (with the same Idempotency-Key where the request has one: nothing is ever applied twice)."
                    + " Report it if it persists.");

    private final String slug;
    private final String title;
    private final HttpStatus status;
    private final String whatToDo;

    HttpProblem(String slug, String title, HttpStatus status, String whatToDo) {
        this.slug = slug;
        this.title = title;
        this.status = status;
        this.whatToDo = whatToDo;
    }

    /** The type of an error answer that was not given one where it arose (Spring's own 404, 405, 406, ...). */
    public static HttpProblem forStatus(int status) {
        for (HttpProblem type : values()) {
            if (type.status.value() == status) {
                return type;
            }
        }
        return status >= 400 && status < 500 ? INVALID_REQUEST : INTERNAL;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String whatToDo() {
        return whatToDo;
    }
}
