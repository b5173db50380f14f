package com.outboxwallet.api.web;

import org.springframework.http.HttpStatus;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/** The stable problem types of the API (RFC 9457). Clients switch on {@link #uri()}, never on the detail text. */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "The request is not valid", HttpStatus.BAD_REQUEST,
            "Fix the fields named in errors[] (each says what it expected) and send the request again."),
    MALFORMED_BODY("malformed-body", "The request body could not be read", HttpStatus.BAD_REQUEST,
            "Send one JSON object with the documented fields only, each once, amounts as JSON strings."),
    IDEMPOTENCY_KEY_INVALID("idempotency-key-invalid", "Idempotency-Key missing or malformed", HttpStatus.BAD_REQUEST,
            "Send an Idempotency-Key header of 1 to 255 printable ASCII characters, new for each top-up."),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency-Key already used for another request",
            HttpStatus.UNPROCESSABLE_CONTENT,
            "Use a new key for a new request; reuse a key only to retry exactly the same request."),
    REQUEST_IN_FLIGHT("request-in-flight", "A request with this Idempotency-Key is still running",
            HttpStatus.CONFLICT, "Retry the same request with the same key after Retry-After seconds."),
    BALANCE_CEILING_EXCEEDED("balance-ceiling-exceeded", "The balance would exceed its ceiling",
            HttpStatus.UNPROCESSABLE_CONTENT, "Top up a smaller amount; nothing was written."),
    LIMIT_EXCEEDED("limit-exceeded", "The top-up would pass today's limit", HttpStatus.UNPROCESSABLE_CONTENT,
            "Top up at most remainingAmount, or wait until resetsAt; nothing was written."),
    WALLET_BUSY("wallet-busy", "The wallet is busy with other top-ups", HttpStatus.CONFLICT,
            "Retry the same request with the same key after Retry-After seconds; nothing was written."),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", HttpStatus.CONTENT_TOO_LARGE,
            "Send a smaller body: the API's bodies are small JSON objects."),
    RATE_LIMITED("rate-limited", "Too many requests", HttpStatus.TOO_MANY_REQUESTS,
            "Wait Retry-After seconds; the RateLimit fields say your quota and what is left of it."),
    LOGIN_THROTTLED("login-throttled", "Too many failed logins", HttpStatus.TOO_MANY_REQUESTS,
            "Check the credentials you send, then wait Retry-After seconds; the wait doubles with each failure."),
    UNAUTHORIZED("unauthorized", "Authentication required", HttpStatus.UNAUTHORIZED,
            "Send HTTP Basic credentials of an enabled wallet user."),
    FORBIDDEN("forbidden", "Not allowed", HttpStatus.FORBIDDEN,
            "Your role does not allow this request; an administrator's may."),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND,
            "Check the path and the id: only your own resources can be found."),
    USERNAME_TAKEN("username-taken", "Username already taken", HttpStatus.CONFLICT,
            "Choose another username; nothing was written."),
    SELF_LOCKOUT("self-lockout", "An administrator cannot disable their own account", HttpStatus.CONFLICT,
            "Ask another administrator to disable the account."),
    CURRENT_PASSWORD_WRONG("current-password-wrong", "The current password is not right", HttpStatus.FORBIDDEN,
            "Send the password you log in with now as currentPassword; nothing was changed."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "Send the body as Content-Type: application/json."),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED,
            "Use one of the methods in the Allow header."),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE,
            "Accept application/json (and application/problem+json for errors)."),
    SERVICE_UNAVAILABLE("service-unavailable", "Temporarily unavailable", HttpStatus.SERVICE_UNAVAILABLE,
            "Retry after Retry-After seconds; a top-up retried with the same key credits once."),
    INTERNAL("internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR,
            "Retry with the same Idempotency-Key; nothing is ever credited twice. Report it if it persists.");

    private final String slug;
    private final String title;
    private final HttpStatus status;
    private final String whatToDo;

    ProblemType(String slug, String title, HttpStatus status, String whatToDo) {
        this.slug = slug;
        this.title = title;
        this.status = status;
        this.whatToDo = whatToDo;
    }

    /** @return the type whose URI ends in this slug */
    public static Optional<ProblemType> ofSlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug.equals(slug)).findFirst();
    }

    /** The type of an error answer that was not given one where it arose (Spring's own 404, 405, 406, ...). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 400 && status < 500 ? INVALID_REQUEST : INTERNAL;
        };
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

    /** What a client should do about it: the type's URI explains this to whoever follows it. */
    public String whatToDo() {
        return whatToDo;
    }
}
