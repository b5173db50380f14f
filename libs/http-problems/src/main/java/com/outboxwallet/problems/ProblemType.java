package com.outboxwallet.problems;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * A stable problem type (RFC 9457). Clients switch on {@link #uri()}, never on the detail text; the URI resolves to
 * what the problem means and what to do about it. {@link HttpProblem} holds the types every HTTP service shares; each
 * service adds its own domain's.
 *
 * @param slug       the last segment of the type's URI: lower case words joined by hyphens
 * @param whatToDo   what a client should do about it: the type's URI explains this to whoever follows it
 * @param retryAfter whether answers of this type say when to retry ({@code Retry-After})
 */
public record ProblemType(String slug, String title, HttpStatus status, String whatToDo, boolean retryAfter) {

    /** A type whose answers say when to retry if, and only if, it is a 429 or a 503. */
    public static ProblemType of(String slug, String title, HttpStatus status, String whatToDo) {
        return new ProblemType(
                slug,
                title,
                status,
                whatToDo,
                status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE);
    }

    /** This type, its answers saying when to retry (a conflict that resolves by itself, for instance). */
    public ProblemType retriedAfter() {
        return new ProblemType(slug, title, status, whatToDo, true);
    }

    public URI uri() {
        return URI.create("/problems/" + slug);
    }
}
