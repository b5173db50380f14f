package com.outboxwallet.loginguard;

import org.springframework.security.core.AuthenticationException;

/** Too many login attempts: this one was not checked at all, and may be made again after {@link #waitFor()}. */
public class LoginThrottled extends AuthenticationException {

    private final LoginThrottle.Wait wait;

    LoginThrottled(LoginThrottle.Wait wait) {
        super("Too many failed logins; try again in " + wait.retryAfter().toSeconds() + " s");
        this.wait = wait;
    }

    public LoginThrottle.Wait waitFor() {
        return wait;
    }

    /** Whole seconds, rounded up: what Retry-After can say. */
    public long retryAfterSeconds() {
        return Math.max(1, (wait.retryAfter().toMillis() + 999) / 1000);
    }
}
