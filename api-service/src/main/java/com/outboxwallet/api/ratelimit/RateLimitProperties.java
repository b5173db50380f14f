package com.outboxwallet.api.ratelimit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled  off only for benchmarks that measure something else
 * @param requests API requests one user may make per window
 * @param window   the sliding window, at least one second
 */
@Validated
@ConfigurationProperties("wallet.rate-limit")
public record RateLimitProperties(
        boolean enabled, @Min(1) int requests, @NotNull Duration window) {

    public RateLimitProperties {
        if (window != null && window.toMillis() < 1000) {
            throw new IllegalArgumentException("wallet.rate-limit.window must be at least 1s, was " + window);
        }
    }
}
