package com.outboxwallet.api.web;

import com.outboxwallet.api.account.CannotDisableYourself;
import com.outboxwallet.api.account.InvalidPassword;
import com.outboxwallet.api.account.UserNotFound;
import com.outboxwallet.api.account.UsernameTaken;
import com.outboxwallet.api.account.WrongCurrentPassword;
import com.outboxwallet.api.idempotency.IdempotencyKeyReused;
import com.outboxwallet.api.idempotency.InvalidIdempotencyKey;
import com.outboxwallet.api.idempotency.RequestInFlight;
import com.outboxwallet.api.ratelimit.web.RateLimited;
import com.outboxwallet.api.topup.AmountAboveMaximum;
import com.outboxwallet.api.topup.DailyLimitExceeded;
import com.outboxwallet.api.topup.InvalidAmount;
import com.outboxwallet.api.topup.TopUpNotFound;
import com.outboxwallet.api.topup.strategy.WalletBusy;
import com.outboxwallet.api.wallet.BalanceCeilingExceeded;
import com.outboxwallet.api.wallet.WalletNotFound;
import com.outboxwallet.problems.HttpProblem;
import com.outboxwallet.problems.Problems;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error leaves as application/problem+json with a stable type; none carries a stack trace. The service's own
 * refusals take their types from {@link Refusals}, as the web page does.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidIdempotencyKey.class)
    ProblemDetail invalidKey(InvalidIdempotencyKey e) {
        return Problems.withField(
                Refusals.of(e), e.getMessage(), "Idempotency-Key", e.reason().expected());
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ProblemDetail keyReused(IdempotencyKeyReused e) {
        return Problems.withField(
                Refusals.of(e),
                e.getMessage(),
                "Idempotency-Key",
                "a new key for a new request; the same key only to retry the same request");
    }

    /** Retry-After: the first request usually finishes within milliseconds; a second is a polite lower bound. */
    @ExceptionHandler(RequestInFlight.class)
    ResponseEntity<ProblemDetail> inFlight(RequestInFlight e) {
        return ResponseEntity.status(Refusals.of(e).status())
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.withField(
                        Refusals.of(e),
                        e.getMessage(),
                        "Idempotency-Key",
                        "the same request again once the first has answered"));
    }

    /** The RateLimit and Retry-After headers were set on the response before this ran. */
    @ExceptionHandler(RateLimited.class)
    ProblemDetail rateLimited(RateLimited e) {
        ProblemDetail problem = Problems.of(Refusals.of(e), "Too many requests: " + e.getMessage() + ".");
        problem.setProperty("violatedPolicies", List.of("per-user"));
        return problem;
    }

    @ExceptionHandler(WalletBusy.class)
    ResponseEntity<ProblemDetail> walletBusy(WalletBusy e) {
        return ResponseEntity.status(Refusals.of(e).status())
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(
                        Refusals.of(e),
                        e.getMessage()
                                + ". Nothing was written; retry the same request with the same Idempotency-Key."));
    }

    @ExceptionHandler(BalanceCeilingExceeded.class)
    ProblemDetail ceiling(BalanceCeilingExceeded e) {
        return Problems.withField(
                Refusals.of(e),
                e.getMessage() + "; nothing was written.",
                "amount",
                "an amount that keeps the balance at most " + e.ceiling().toPlainString());
    }

    /** What is left of the day's allowance goes with the refusal, so a client can offer the user what still fits. */
    @ExceptionHandler(DailyLimitExceeded.class)
    ProblemDetail dailyLimit(DailyLimitExceeded e) {
        ProblemDetail problem = Problems.withField(
                Refusals.of(e),
                "The top-up would pass today's limit; nothing was written.",
                "amount",
                "at most the remaining amount, once the remaining count allows");
        if (e.remainingAmount() != null) {
            problem.setProperty("remainingAmount", e.remainingAmount().toPlainString());
        }
        if (e.remainingCount() != null) {
            problem.setProperty("remainingCount", e.remainingCount());
        }
        problem.setProperty("resetsAt", e.resetsAt().toString());
        return problem;
    }

    /** Like any invalid body field: the field and what it expected. */
    @ExceptionHandler(InvalidAmount.class)
    ProblemDetail invalidAmount(InvalidAmount e) {
        return Problems.withErrors(
                Refusals.of(e),
                "The request body has invalid fields.",
                List.of(new Problems.FieldError("amount", e.expected())));
    }

    @ExceptionHandler(AmountAboveMaximum.class)
    ProblemDetail aboveMaximum(AmountAboveMaximum e) {
        return Problems.withField(
                Refusals.of(e),
                e.getMessage() + ".",
                "amount",
                "at most " + e.maximum().toPlainString());
    }

    @ExceptionHandler(InvalidPassword.class)
    ProblemDetail invalidPassword(InvalidPassword e) {
        return Problems.withErrors(
                Refusals.of(e),
                e.getMessage() + " Nothing was changed.",
                List.of(new Problems.FieldError(e.field(), e.expected())));
    }

    @ExceptionHandler(WrongCurrentPassword.class)
    ProblemDetail wrongCurrentPassword(WrongCurrentPassword e) {
        return Problems.withField(
                Refusals.of(e), e.getMessage(), "currentPassword", "the password you log in with now");
    }

    @ExceptionHandler(CannotDisableYourself.class)
    ProblemDetail selfLockout(CannotDisableYourself e) {
        return Problems.of(Refusals.of(e), e.getMessage());
    }

    @ExceptionHandler({WalletNotFound.class, TopUpNotFound.class, UserNotFound.class})
    ProblemDetail notFound(RuntimeException e) {
        return Problems.of(Refusals.of(e), e.getMessage());
    }

    @ExceptionHandler(UsernameTaken.class)
    ProblemDetail usernameTaken(UsernameTaken e) {
        return Problems.withField(Refusals.of(e), e.getMessage(), "username", "a username not in use");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolated(ConstraintViolationException e) {
        List<Problems.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problems.FieldError(
                        lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                .toList();
        return Problems.withErrors(HttpProblem.INVALID_REQUEST, "The request has invalid values.", errors);
    }

    /**
     * The database is unreachable, restarting or failing over (connection refused or ended, no connection within the
     * pool's timeout, a transient fault): {@code 503} and {@code Retry-After}, so that clients and load balancers
     * retry, rather than a {@code 500} that reads as a defect. A commit or rollback that failed with its connection
     * ({@link TransactionSystemException}) may have committed or not; either way the retry with the same key is safe:
     * the unique (user, key) constraint answers it with the original top-up if there is one.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        RecoverableDataAccessException.class,
        CannotCreateTransactionException.class,
        TransactionSystemException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpProblem.SERVICE_UNAVAILABLE.status())
                .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER)
                .body(DatabaseUnavailable.problem());
    }

    /** A wait the database's timeouts ended is an outage to retry, like the above; any other uncategorised SQL fault is not. */
    @ExceptionHandler(UncategorizedSQLException.class)
    ResponseEntity<ProblemDetail> uncategorizedSql(UncategorizedSQLException e) {
        if (DatabaseUnavailable.timedOut(e.getSQLException())) {
            return databaseUnavailable(e);
        }
        return ResponseEntity.status(HttpProblem.INTERNAL.status()).body(unexpected(e));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unhandled error", e);
        return Problems.of(
                HttpProblem.INTERNAL,
                "The request could not be completed. Nothing was charged twice;"
                        + " retry with the same Idempotency-Key.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problems.FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList();
        return problem(
                Problems.withErrors(HttpProblem.INVALID_REQUEST, "The request body has invalid fields.", errors),
                headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Problems.FieldError(
                                parameterName(result.getMethodParameter()), String.valueOf(error.getDefaultMessage()))))
                .toList();
        return problem(
                Problems.withErrors(HttpProblem.INVALID_REQUEST, "The request has invalid parameters.", errors),
                headers);
    }

    /** The parameter's name as compiled in (-parameters), else its position: some name for the client to go by. */
    private static String parameterName(MethodParameter parameter) {
        String name = parameter.getParameterName();
        return name != null ? name : "parameter " + parameter.getParameterIndex();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getMostSpecificCause() instanceof BodySizeLimit.BodyTooLarge tooLarge) {
            return problem(BodySizeLimit.tooLarge(tooLarge.maxBytes), headers);
        }
        if (e.getMostSpecificCause() instanceof StreamConstraintsException limit) {
            return problem(
                    Problems.withField(
                            ApiProblem.MALFORMED_BODY,
                            "The body passes a size limit of this API.",
                            "body",
                            "numbers of at most " + JsonLimits.MAX_NUMBER_LENGTH + " characters, strings of at most "
                                    + JsonLimits.MAX_STRING_LENGTH + ", nesting at most " + JsonLimits.MAX_NESTING_DEPTH
                                    + " deep"),
                    headers);
        }
        if (e.getMostSpecificCause() instanceof UnrecognizedPropertyException unknown) {
            return problem(
                    Problems.withField(
                            ApiProblem.MALFORMED_BODY,
                            "Unknown field '" + unknown.getPropertyName() + "'.",
                            unknown.getPropertyName(),
                            "only the documented fields"),
                    headers);
        }
        if (e.getMostSpecificCause() instanceof DatabindException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().getLast().getPropertyName();
            return problem(
                    Problems.withField(
                            ApiProblem.MALFORMED_BODY,
                            "Field '" + field + "' has the wrong type.",
                            field,
                            "a JSON string"),
                    headers);
        }
        return problem(Problems.of(ApiProblem.MALFORMED_BODY, "The body is not valid JSON for this request."), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(
                Problems.withField(
                        HttpProblem.UNSUPPORTED_MEDIA_TYPE,
                        "Content-Type " + e.getContentType() + " is not accepted here.",
                        "Content-Type",
                        e.getSupportedMediaTypes().toString()),
                headers);
    }

    private static String lastNode(String propertyPath) {
        return propertyPath.substring(propertyPath.lastIndexOf('.') + 1);
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }
}
