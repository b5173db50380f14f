package com.outboxwallet.ledger.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;

/** Spring's own problem details (bad path variable, bad page size, 404) with a stable type instead of about:blank. */
@RestControllerAdvice
class LedgerExceptionHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // Exceptions that carry their own problem (ErrorResponse) arrive here without a body.
        Object problemBody = body == null && e instanceof ErrorResponse response ? response.getBody() : body;
        if (problemBody instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(switch (status.value()) {
                case 404 -> "/problems/not-found";
                case 405 -> "/problems/method-not-allowed";
                default -> status.is4xxClientError() ? "/problems/invalid-request" : "/problems/internal";
            }));
        }
        return super.handleExceptionInternal(e, problemBody, headers, status, request);
    }
}
