package com.outboxwallet.api.web;

import org.springframework.http.HttpStatus;

import java.net.URI;

/** The stable problem types of the API (RFC 9457). Clients switch on {@link #uri()}, never on the detail text. */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "The request is not valid", HttpStatus.BAD_REQUEST),
    MALFORMED_BODY("malformed-body", "The request body could not be read", HttpStatus.BAD_REQUEST),
    IDEMPOTENCY_KEY_INVALID("idempotency-key-invalid", "Idempotency-Key missing or malformed", HttpStatus.BAD_REQUEST),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency-Key already used for another request",
            HttpStatus.UNPROCESSABLE_CONTENT),
    REQUEST_IN_FLIGHT("request-in-flight", "A request with this Idempotency-Key is still running",
            HttpStatus.CONFLICT),
    BALANCE_CEILING_EXCEEDED("balance-ceiling-exceeded", "The balance would exceed its ceiling",
            HttpStatus.UNPROCESSABLE_CONTENT),
    LIMIT_EXCEEDED("limit-exceeded", "The top-up would pass today's limit", HttpStatus.UNPROCESSABLE_CONTENT),
    WALLET_BUSY("wallet-busy", "The wallet is busy with other top-ups", HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", HttpStatus.CONTENT_TOO_LARGE),
    RATE_LIMITED("rate-limited", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
    LOGIN_THROTTLED("login-throttled", "Too many failed logins", HttpStatus.TOO_MANY_REQUESTS),
    UNAUTHORIZED("unauthorized", "Authentication required", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Not allowed", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    USERNAME_TAKEN("username-taken", "Username already taken", HttpStatus.CONFLICT),
    SELF_LOCKOUT("self-lockout", "An administrator cannot disable their own account", HttpStatus.CONFLICT),
    CURRENT_PASSWORD_WRONG("current-password-wrong", "The current password is not right", HttpStatus.FORBIDDEN),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    SERVICE_UNAVAILABLE("service-unavailable", "Temporarily unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL("internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR);

    private final String slug;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return URI.create("/problems/" + slug);
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }
}
