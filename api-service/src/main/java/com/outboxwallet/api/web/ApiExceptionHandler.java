package com.outboxwallet.api.web;

import com.outboxwallet.api.Refusal;
import com.outboxwallet.problems.HttpProblem;
import com.outboxwallet.problems.Problems;
import jakarta.servlet.http.HttpServletResponse;
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
 * refusals are answered from {@link Refusals}, whose types the web page uses too.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * Every refusal of the service, answered from the one table. A type that resolves by itself says when to retry,
     * unless a limit already said so more exactly (the rate limit's Retry-After is set before the request is refused).
     */
    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal e, HttpServletResponse response) {
        Problems.sayWhenToRetry(Refusals.typeOf(e), response);
        return Refusals.problem(e);
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
        ProblemDetail problem = DatabaseUnavailable.problem();
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Problems.RETRY_SOON_SECONDS)
                .body(problem);
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
