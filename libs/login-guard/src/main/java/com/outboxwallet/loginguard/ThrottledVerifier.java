package com.outboxwallet.loginguard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Puts the {@link LoginThrottle} in front of the password check: the attempt is counted first, and checked only if
 * the throttle lets it through. Known and unknown usernames go the same way (the password check behind it costs an
 * unknown username a bcrypt too), so the answers and their times tell an attacker nothing about which names exist.
 */
public final class ThrottledVerifier implements AuthenticationProvider {

    private final AuthenticationProvider verifier;
    private final LoginThrottle throttle;
    private final Function<Authentication, String> addressOf;
    private final Map<LoginThrottle.Limit, Counter> throttled = new EnumMap<>(LoginThrottle.Limit.class);

    /** @param addressOf the client address an authentication request came from */
    public ThrottledVerifier(
            AuthenticationProvider verifier,
            LoginThrottle throttle,
            Function<Authentication, String> addressOf,
            MeterRegistry meters) {
        this.verifier = verifier;
        this.throttle = throttle;
        this.addressOf = addressOf;
        for (LoginThrottle.Limit limit : LoginThrottle.Limit.values()) {
            throttled.put(
                    limit,
                    Counter.builder("wallet.auth.login.throttled")
                            .description("Login attempts refused unchecked, after too many failures")
                            .tag("limit", limit.name().toLowerCase())
                            .register(meters));
        }
    }

    @Override
    public @Nullable Authentication authenticate(Authentication request) {
        LoginThrottle.Attempt attempt;
        try {
            attempt = throttle.attempt(request.getName(), addressOf.apply(request));
        } catch (LoginThrottled refused) {
            Objects.requireNonNull(throttled.get(refused.waitFor().limit())).increment();
            throw refused;
        }
        @Nullable Authentication verified;
        try {
            verified = verifier.authenticate(request);
        } catch (InternalAuthenticationServiceException unchecked) {
            attempt.unchecked(); // the user store could not answer, or no thread was free: no guess was made
            throw unchecked;
        } catch (AuthenticationException failed) {
            throw failed; // a wrong guess: it stays counted
        } catch (RuntimeException unexpected) {
            attempt.unchecked();
            throw unexpected;
        }
        attempt.succeeded();
        return verified;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return verifier.supports(authentication);
    }
}
