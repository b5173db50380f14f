package com.outboxwallet.api.auth.throttle;

import com.outboxwallet.loginguard.ThrottlePolicy;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The api's login throttle, {@code wallet.auth.login-throttle.*} (the policy: {@link ThrottlePolicy},
 * {@link com.outboxwallet.loginguard.LoginThrottle}, docs/api.md).
 */
@Validated
@ConfigurationProperties("wallet.auth")
public record LoginThrottleProperties(@NotNull ThrottlePolicy loginThrottle) {}
