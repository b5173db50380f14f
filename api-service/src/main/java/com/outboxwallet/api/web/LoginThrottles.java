package com.outboxwallet.api.web;

import com.outboxwallet.api.audit.AuditTrail;
import com.outboxwallet.api.audit.AuditTrail.Action;
import com.outboxwallet.loginguard.LoginThrottleAnswers;
import com.outboxwallet.loginguard.LoginThrottled;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/** How the login form answers a throttled login: the 429 of {@link LoginThrottleAnswers}, as a short page. */
final class LoginThrottles {

    private LoginThrottles() {}

    /** The form's failures: a throttled login gets a 429 page; a wrong password goes back to the form, as before. */
    static AuthenticationFailureHandler formFailures(AuditTrail audit) {
        AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            if (!(e instanceof LoginThrottled throttled)) {
                audit.loginRefused(Action.LOGIN_FAILED, request.getParameter("username"), request.getRemoteAddr());
                wrongPassword.onAuthenticationFailure(request, response, e);
                return;
            }
            audit.loginRefused(Action.LOGIN_THROTTLED, request.getParameter("username"), request.getRemoteAddr());
            LoginThrottleAnswers.tooManyFailures(throttled, response);
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
}
