package com.outboxwallet.api.auth;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param verifiedCredentialsTtl    how long a verified username/password pair is trusted without asking the database
 *                                  whether its account changed; {@code 0s} turns the cache off
 * @param verifiedCredentialsMaxAge how long a verified pair is trusted without running bcrypt again, however often the
 *                                  database said its account is unchanged
 * @param verifiedCredentialsMax    how many verified pairs are kept at most
 * @param revocationPollInterval how often each instance asks the database which accounts were disabled or
 *                               re-passworded: the longest an instance keeps trusting old credentials
 */
@Validated
@ConfigurationProperties("wallet.auth")
public record AuthProperties(
        @NotNull Duration verifiedCredentialsTtl,
        @NotNull Duration verifiedCredentialsMaxAge,
        @Min(1) int verifiedCredentialsMax,
        @NotNull Duration revocationPollInterval) {

    public AuthProperties {
        if (revocationPollInterval != null
                && (revocationPollInterval.isNegative() || revocationPollInterval.isZero())) {
            throw new IllegalArgumentException("wallet.auth.revocation-poll-interval must be positive");
        }
    }
}
