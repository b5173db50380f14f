package com.outboxwallet.api.web;

import com.outboxwallet.problems.HttpProblem;
import com.outboxwallet.problems.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * The API's own problem types (RFC 9457), beside the HTTP ones every service shares ({@link HttpProblem}). Clients
 * switch on {@link #uri()}, never on the detail text.
 */
public enum ApiProblem implements ProblemType {
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
    LOGIN_THROTTLED("login-throttled", "Too many failed logins", HttpStatus.TOO_MANY_REQUESTS,
            "Check the credentials you send, then wait Retry-After seconds; the wait doubles with each failure."),
    USERNAME_TAKEN("username-taken", "Username already taken", HttpStatus.CONFLICT,
            "Choose another username; nothing was written."),
    SELF_LOCKOUT("self-lockout", "An administrator cannot disable their own account", HttpStatus.CONFLICT,
            "Ask another administrator to disable the account."),
    CURRENT_PASSWORD_WRONG("current-password-wrong", "The current password is not right", HttpStatus.FORBIDDEN,
            "Send the password you log in with now as currentPassword; nothing was changed.");

    private final String slug;
    private final String title;
    private final HttpStatus status;
    private final String whatToDo;

    ApiProblem(String slug, String title, HttpStatus status, String whatToDo) {
        this.slug = slug;
        this.title = title;
        this.status = status;
        this.whatToDo = whatToDo;
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

    /** The two conflicts a retry of the same request resolves, besides the 429s and 503s. */
    @Override
    public boolean retryAfter() {
        return this == REQUEST_IN_FLIGHT || this == WALLET_BUSY || ProblemType.super.retryAfter();
    }
}
