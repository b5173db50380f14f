package com.outboxwallet.ledger.web;

import com.outboxwallet.problems.HttpProblem;
import com.outboxwallet.problems.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring's own errors (bad path variable, bad page size, unknown route, 405, 406) as problem details, which the shared
 * {@code StableProblemTypes} gives their documented types; anything else is an internal error without its message.
 */
@RestControllerAdvice
class LedgerExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LedgerExceptionHandler.class);

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unhandled error", e);
        return Problems.of(HttpProblem.INTERNAL, "The request could not be completed; it changed nothing.");
    }
}
