package com.outboxwallet.problems;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reached a controller (a request the firewall or the container refused, an exception in a filter)
 * are forwarded here by the servlet container: they answer as a typed problem too, not as Spring Boot's
 * {@code {timestamp, error, path}} map, and never with a message or a stack trace.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ProblemType type = HttpProblem.forStatus(status instanceof Integer code && code >= 400 ? code : 500);
        ProblemDetail problem = Problems.of(type, type.title() + ".");
        problem.setStatus(
                status instanceof Integer code && code >= 400
                        ? code
                        : type.status().value());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
