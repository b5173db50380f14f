package com.outboxwallet.problems;

import org.springframework.http.HttpStatus;

import java.net.URI;

/**
 * A stable problem type (RFC 9457). Clients switch on {@link #uri()}, never on the detail text; the URI resolves to
 * what the problem means and what to do about it. {@link HttpProblem} holds the types every HTTP service shares; each
 * service adds an enum of its own domain's.
 */
public interface ProblemType {

    /** The last segment of the type's URI: lower case words joined by hyphens. */
    String slug();

    String title();

    HttpStatus status();

    /** What a client should do about it: the type's URI explains this to whoever follows it. */
    String whatToDo();

    /** Whether answers of this type say when to retry ({@code Retry-After}). */
    default boolean retryAfter() {
        return status() == HttpStatus.TOO_MANY_REQUESTS || status() == HttpStatus.SERVICE_UNAVAILABLE;
    }

    default URI uri() {
        return URI.create("/problems/" + slug());
    }
}
