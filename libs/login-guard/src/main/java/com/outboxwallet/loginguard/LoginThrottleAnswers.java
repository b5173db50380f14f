package com.outboxwallet.loginguard;

import com.outboxwallet.problems.HttpProblem;
import com.outboxwallet.problems.ProblemType;
import com.outboxwallet.problems.Problems;
import com.outboxwallet.problems.RateLimitFields;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;

/**
 * How a throttled login is answered, in every service: {@code 429} with {@code Retry-After} and the RateLimit fields
 * (draft-ietf-httpapi-ratelimit-headers), and a problem of type {@link #LOGIN_THROTTLED}.
 */
public final class LoginThrottleAnswers {

    public static final ProblemType LOGIN_THROTTLED = ProblemType.of(
            "login-throttled",
            "Too many failed logins",
            HttpStatus.TOO_MANY_REQUESTS,
            "Check the credentials you send, then wait Retry-After seconds; the wait doubles with each failure.");

    private LoginThrottleAnswers() {}

    /**
     * The answer to a login refused before its password was checked: throttled ({@code 429}), or too many passwords
     * being checked at once ({@code 503}, try again in a second). Sets the status and headers and returns the problem
     * to write; empty for any other failure, which is the caller's to answer.
     */
    public static Optional<ProblemDetail> refusal(AuthenticationException failure, HttpServletResponse response) {
        if (failure instanceof LoginThrottled throttled) {
            tooManyFailures(throttled, response);
            return Optional.of(problem(throttled));
        }
        if (failure instanceof PasswordChecks.PasswordChecksBusy) {
            Problems.sayWhenToRetry(HttpProblem.SERVICE_UNAVAILABLE, response);
            return Optional.of(Problems.of(
                    HttpProblem.SERVICE_UNAVAILABLE,
                    "Too many logins are being checked at once; try again in a second."));
        }
        return Optional.empty();
    }

    /** The status and the headers; the body is the caller's (a problem, or a page for a login form). */
    public static void tooManyFailures(LoginThrottled throttled, HttpServletResponse response) {
        LoginThrottle.Wait wait = throttled.waitFor();
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        new RateLimitFields(wait.limit().policyName(), wait.maxAttempts(), wait.window())
                .refused(response, throttled.retryAfterSeconds());
    }

    public static ProblemDetail problem(LoginThrottled throttled) {
        ProblemDetail problem = Problems.of(
                LOGIN_THROTTLED,
                "Too many failed logins "
                        + switch (throttled.waitFor().limit()) {
                            case USER -> "for this username from your address";
                            case ACCOUNT -> "for this username";
                            case ADDRESS -> "from your address";
                        }
                        + "; try again in " + throttled.retryAfterSeconds() + " s.");
        problem.setProperty(
                "violatedPolicies", List.of(throttled.waitFor().limit().policyName()));
        return problem;
    }
}
