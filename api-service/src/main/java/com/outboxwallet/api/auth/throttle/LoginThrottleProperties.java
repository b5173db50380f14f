package com.outboxwallet.api.auth.throttle;

import com.outboxwallet.loginguard.ThrottlePolicy;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many login attempts each counter lets through before the next ones wait, and how long they wait (the policy:
 * {@link com.outboxwallet.loginguard.LoginThrottle}, docs/api.md).
 *
 * @param maxFailuresPerUser    attempts at one username from one client address
 * @param maxFailuresPerAccount attempts at one username from addresses it has not logged in from lately
 * @param maxFailuresPerAddress attempts from one address at usernames that have not logged in from it lately
 * @param firstDelay            the wait once a limit is reached; it doubles with each attempt past the limit
 * @param longestDelay          the longest wait; a counter is forgotten this long after its last attempt
 * @param knownAddressFor       how long a successful login makes its address a usual one for its username
 */
@Validated
@ConfigurationProperties("wallet.auth.login-throttle")
public record LoginThrottleProperties(
        @Min(1) int maxFailuresPerUser,
        @Min(1) int maxFailuresPerAccount,
        @Min(1) int maxFailuresPerAddress,
        @NotNull Duration firstDelay,
        @NotNull Duration longestDelay,
        @NotNull Duration knownAddressFor) {

    ThrottlePolicy policy() {
        return new ThrottlePolicy(
                maxFailuresPerUser,
                maxFailuresPerAccount,
                maxFailuresPerAddress,
                firstDelay,
                longestDelay,
                knownAddressFor);
    }
}
