package com.outboxwallet.api.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each problem type's URI resolves, without login, to what it means and what a client should do (RFC 9457: a type URI
 * should be dereferenceable to documentation). An unknown name is itself a not-found problem.
 */
@Hidden
@RestController
class ProblemTypeController {

    @GetMapping(path = "/problems/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    Explained explain(@PathVariable String name) {
        ProblemType type = ProblemType.ofSlug(name).orElseThrow(() -> new UnknownProblemType(name));
        return new Explained(type.uri().toString(), type.title(), type.status().value(), type.whatToDo());
    }

    record Explained(String type, String title, int status, String whatToDo) {
    }

    static final class UnknownProblemType extends RuntimeException {

        UnknownProblemType(String name) {
            super("No problem type '" + name + "'.");
        }
    }
}
