package com.outboxwallet.api.auth.throttle;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many failed logins are let through before the next attempts wait, and how long they wait.
 *
 * @param maxFailuresPerUser    failures of one username from one client address before it waits
 * @param maxFailuresPerAddress failures from one client address, whatever the usernames, before it waits
 * @param firstDelay            the wait after the last allowed failure; it doubles with each failure past the limit
 * @param longestDelay          the longest wait; failures are forgotten this long after the last one
 */
@Validated
@ConfigurationProperties("wallet.auth.login-throttle")
public record LoginThrottleProperties(
        @Min(1) int maxFailuresPerUser,
        @Min(1) int maxFailuresPerAddress,
        @NotNull Duration firstDelay,
        @NotNull Duration longestDelay) {}
