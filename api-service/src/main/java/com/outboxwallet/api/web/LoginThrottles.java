package com.outboxwallet.api.web;

import com.outboxwallet.api.auth.throttle.LoginThrottle;
import com.outboxwallet.api.auth.throttle.LoginThrottled;
import com.outboxwallet.problems.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * How a throttled login is answered: {@code 429} with {@code Retry-After} and the RateLimit fields
 * (draft-ietf-httpapi-ratelimit-headers), as a problem for HTTP Basic and as a short page for the login form.
 */
final class LoginThrottles {

    private LoginThrottles() {}

    static void tooManyFailures(LoginThrottled throttled, HttpServletResponse response) {
        LoginThrottle.Wait wait = throttled.waitFor();
        String policy = policyName(wait);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
        response.setHeader(
                "RateLimit-Policy",
                policy + ";q=" + wait.maxFailures() + ";w=" + wait.window().toSeconds());
        response.setHeader("RateLimit", policy + ";r=0;t=" + throttled.retryAfterSeconds());
    }

    static ProblemDetail problem(LoginThrottled throttled) {
        ProblemDetail problem = Problems.of(
                ApiProblem.LOGIN_THROTTLED,
                "Too many failed logins "
                        + (throttled.waitFor().limit() == LoginThrottle.Limit.USER
                                ? "for this username from your address"
                                : "from your address")
                        + "; try again in " + throttled.retryAfterSeconds() + " s.");
        problem.setProperty(
                "violatedPolicies", List.of(policyName(throttled.waitFor()).replace("\"", "")));
        return problem;
    }

    /** The form's failures: a throttled login gets a 429 page; a wrong password goes back to the form, as before. */
    static AuthenticationFailureHandler formFailures() {
        AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            if (!(e instanceof LoginThrottled throttled)) {
                wrongPassword.onAuthenticationFailure(request, response, e);
                return;
            }
            tooManyFailures(throttled, response);
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8);
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                            + "<title>Too many failed logins</title><link rel=\"stylesheet\" href=\"/wallet.css\"></head>"
                            + "<body><main><h1>Too many failed logins</h1><p role=\"alert\">Try again in "
                            + throttled.retryAfterSeconds() + " seconds.</p><p><a href=\"/login\">Back to the login</a>"
                            + "</p></main></body></html>");
        };
    }

    private static String policyName(LoginThrottle.Wait wait) {
        return wait.limit() == LoginThrottle.Limit.USER ? "\"login-per-user\"" : "\"login-per-address\"";
    }
}
