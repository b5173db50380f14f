package com.outboxwallet.problems;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;

/**
 * The IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers), written the one way by every limit of every
 * service: {@code RateLimit-Policy} names the quota and its window, {@code RateLimit} what is left of it and, once
 * nothing is, when it comes back, which {@code Retry-After} repeats for clients that know only that header.
 *
 * @param policy the policy's name, e.g. {@code per-user}
 * @param quota  how many requests the window allows
 * @param window the window the quota counts over
 */
public record RateLimitFields(String policy, long quota, Duration window) {

    public static final String RATE_LIMIT = "RateLimit";
    public static final String RATE_LIMIT_POLICY = "RateLimit-Policy";

    /** A request the limit let through, {@code remaining} more allowed in the window. */
    public void allowed(HttpServletResponse response, long remaining) {
        response.setHeader(RATE_LIMIT_POLICY, policyField());
        response.setHeader(RATE_LIMIT, name() + ";r=" + remaining);
    }

    /** A request the limit refused: none left, and another allowed in {@code retryAfterSeconds}. */
    public void refused(HttpServletResponse response, long retryAfterSeconds) {
        response.setHeader(RATE_LIMIT_POLICY, policyField());
        response.setHeader(RATE_LIMIT, name() + ";r=0;t=" + retryAfterSeconds);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }

    private String policyField() {
        return name() + ";q=" + quota + ";w=" + window.toSeconds();
    }

    private String name() {
        return "\"" + policy + "\"";
    }
}
