package com.outboxwallet.api.web;

import com.outboxwallet.loginguard.LoginThrottleAnswers;
import com.outboxwallet.problems.HttpProblem;
import com.outboxwallet.problems.ProblemType;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The API's own problem types (RFC 9457), beside the HTTP ones every service shares ({@link HttpProblem}). Clients
 * switch on the type's URI, never on the detail text. The two conflicts a retry of the same request resolves say when
 * to retry, as the 429s and 503s do.
 */
public final class ApiProblem {

    public static final ProblemType MALFORMED_BODY = ProblemType.of(
            "malformed-body",
            "The request body could not be read",
            HttpStatus.BAD_REQUEST,
            "Send one JSON object with the documented fields only, each once, amounts as JSON strings.");
    public static final ProblemType IDEMPOTENCY_KEY_INVALID = ProblemType.of(
            "idempotency-key-invalid",
            "Idempotency-Key missing or malformed",
            HttpStatus.BAD_REQUEST,
            "Send an Idempotency-Key header of 1 to 255 printable ASCII characters, new for each top-up.");
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = ProblemType.of(
            "idempotency-key-reused",
            "Idempotency-Key already used for another request",
            HttpStatus.UNPROCESSABLE_CONTENT,
            "Use a new key for a new request; reuse a key only to retry exactly the same request.");
    public static final ProblemType REQUEST_IN_FLIGHT = ProblemType.of(
                    "request-in-flight",
                    "A request with this Idempotency-Key is still running",
                    HttpStatus.CONFLICT,
                    "Retry the same request with the same key after Retry-After seconds.")
            .retriedAfter();
    public static final ProblemType BALANCE_CEILING_EXCEEDED = ProblemType.of(
            "balance-ceiling-exceeded",
            "The balance would exceed its ceiling",
            HttpStatus.UNPROCESSABLE_CONTENT,
            "Top up a smaller amount; nothing was written.");
    public static final ProblemType LIMIT_EXCEEDED = ProblemType.of(
            "limit-exceeded",
            "The top-up would pass today's limit",
            HttpStatus.UNPROCESSABLE_CONTENT,
            "Top up at most remainingAmount, or wait until resetsAt; nothing was written.");
    public static final ProblemType WALLET_BUSY = ProblemType.of(
                    "wallet-busy",
                    "The wallet is busy with other top-ups",
                    HttpStatus.CONFLICT,
                    "Retry the same request with the same key after Retry-After seconds; nothing was written.")
            .retriedAfter();
    /** Shared with the ledger's operator login. */
    public static final ProblemType LOGIN_THROTTLED = LoginThrottleAnswers.LOGIN_THROTTLED;

    public static final ProblemType USERNAME_TAKEN = ProblemType.of(
            "username-taken",
            "Username already taken",
            HttpStatus.CONFLICT,
            "Choose another username; nothing was written.");
    public static final ProblemType SELF_LOCKOUT = ProblemType.of(
            "self-lockout",
            "An administrator cannot disable their own account",
            HttpStatus.CONFLICT,
            "Ask another administrator to disable the account.");
    public static final ProblemType CURRENT_PASSWORD_WRONG = ProblemType.of(
            "current-password-wrong",
            "The current password is not right",
            HttpStatus.FORBIDDEN,
            "Send the password you log in with now as currentPassword; nothing was changed.");

    public static final ProblemType DIRECT_TOP_UP_NOT_ALLOWED = ProblemType.of(
            "direct-top-up-not-allowed",
            "Direct top-ups are not allowed to you",
            HttpStatus.FORBIDDEN,
            "Top up through a payment (POST /api/v1/payments); an operator may credit a wallet on a user's behalf"
                    + " unless direct top-ups are off. Nothing was written.");
    public static final ProblemType PAYMENT_PROVIDER_UNAVAILABLE = ProblemType.of(
            "payment-provider-unavailable",
            "The payment provider cannot be reached",
            HttpStatus.SERVICE_UNAVAILABLE,
            "Retry the same request with the same Idempotency-Key after Retry-After seconds: the request is kept,"
                    + " and the payment is opened once.");
    public static final ProblemType NOTIFICATION_SIGNATURE_INVALID = ProblemType.of(
            "notification-signature-invalid",
            "The notification is not signed by the payment provider",
            HttpStatus.UNAUTHORIZED,
            "Sign notifications as the provider's protocol says, with the merchant's key; nothing was recorded.");

    public static final List<ProblemType> ALL = List.of(
            MALFORMED_BODY,
            IDEMPOTENCY_KEY_INVALID,
            IDEMPOTENCY_KEY_REUSED,
            REQUEST_IN_FLIGHT,
            BALANCE_CEILING_EXCEEDED,
            LIMIT_EXCEEDED,
            WALLET_BUSY,
            LOGIN_THROTTLED,
            USERNAME_TAKEN,
            SELF_LOCKOUT,
            CURRENT_PASSWORD_WRONG,
            DIRECT_TOP_UP_NOT_ALLOWED,
            PAYMENT_PROVIDER_UNAVAILABLE,
            NOTIFICATION_SIGNATURE_INVALID);

    private ApiProblem() {}
}
