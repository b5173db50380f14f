package com.outboxwallet.problems;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Each problem type's URI resolves, without login, to what it means and what a client should do (RFC 9457: a type URI
 * should be dereferenceable to documentation): JSON for programs, a short page for a browser. An unknown name is
 * itself a not-found problem.
 */
@Hidden
@RestController
class ProblemTypeController {

    private final ProblemCatalog catalog;

    ProblemTypeController(ProblemCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping(path = "/problems/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> explain(@PathVariable String name) {
        return catalog.ofSlug(name)
                .<ResponseEntity<?>>map(type -> ResponseEntity.ok(new Explained(
                        type.uri().toString(), type.title(), type.status().value(), type.whatToDo())))
                .orElseGet(() -> unknown(name));
    }

    @GetMapping(path = "/problems/{name}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<?> page(@PathVariable String name) {
        return catalog.ofSlug(name)
                .<ResponseEntity<?>>map(type -> ResponseEntity.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .body("""
                        <!doctype html>
                        <html lang="en"><head><meta charset="utf-8"><title>%1$s</title></head>
                        <body><h1>%1$s</h1><p>Problem type <code>%2$s</code>, answered with HTTP status %3$d.</p>
                        <h2>What to do</h2><p>%4$s</p></body></html>
                        """.formatted(
                                        HtmlUtils.htmlEscape(type.title()),
                                        HtmlUtils.htmlEscape(type.uri().toString()),
                                        type.status().value(),
                                        HtmlUtils.htmlEscape(type.whatToDo()))))
                .orElseGet(() -> unknown(name));
    }

    private static ResponseEntity<?> unknown(String name) {
        ProblemDetail problem = Problems.of(HttpProblem.NOT_FOUND, "No problem type '" + name + "'.");
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    record Explained(String type, String title, int status, String whatToDo) {}
}
