package com.outboxwallet.api.auth.throttle;

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
 * Puts the {@link LoginThrottle} in front of the password check. It sits behind the verified-credentials cache, so it
 * is asked only when a username/password pair is not already known to be right: a wrong password, a new client, or
 * an expired entry. Known and unknown usernames go the same way (the password check behind it costs an unknown
 * username a bcrypt too), so the answers and their times tell an attacker nothing about which names exist.
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
        String username = request.getName();
        String address = addressOf.apply(request);
        throttle.check(username, address).ifPresent(wait -> {
            Objects.requireNonNull(throttled.get(wait.limit())).increment();
            throw new LoginThrottled(wait);
        });
        @Nullable Authentication verified;
        try {
            verified = verifier.authenticate(request);
        } catch (InternalAuthenticationServiceException unchecked) {
            throw unchecked; // the user store could not answer: no guess was made
        } catch (AuthenticationException failed) {
            throttle.failed(username, address);
            throw failed;
        }
        throttle.succeeded(username, address);
        return verified;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return verifier.supports(authentication);
    }
}
