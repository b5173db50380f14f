package com.outboxwallet.ledger.web;

import com.outboxwallet.loginguard.PasswordPolicy;
import com.outboxwallet.loginguard.StartupSecrets;
import com.outboxwallet.loginguard.ThrottlePolicy;
import com.outboxwallet.process.ConditionalOnServing;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may log in to the ledger's web server: the operator (the ledger API, the console, the metrics) and, when its
 * password is set, Prometheus's own account (the metrics only), each throttled like the api's logins. No default
 * outside the local profile. Bound only when the web server runs: an operator command, run from a shell, needs no one
 * to log in.
 *
 * @param metricsUsername the metrics-only account, for Prometheus: it may read {@code /actuator/prometheus}, nothing
 *                        else; none unless {@code metricsPassword} is set
 * @param loginThrottle   the operator login's throttle, the api's policy but counted by each ledger instance on its
 *                        own: the ledger has no Redis, and a guesser meets every instance's limit at most
 */
@Validated
@ConditionalOnServing
@ConfigurationProperties("ledger.operator")
record OperatorProperties(
        @NotBlank(message = "set LEDGER_OPERATOR_USERNAME") String username,

        @NotBlank(message = "set LEDGER_OPERATOR_PASSWORD (there is no default)")
        String password,

        @NotBlank String metricsUsername,
        @Nullable String metricsPassword,
        @NotNull ThrottlePolicy loginThrottle) {

    OperatorProperties {
        refuseWeak("ledger.operator.password (LEDGER_OPERATOR_PASSWORD)", password);
        if (metricsPassword != null && !metricsPassword.isEmpty()) {
            refuseWeak("ledger.operator.metrics-password (LEDGER_METRICS_PASSWORD)", metricsPassword);
        }
    }

    boolean hasMetricsAccount() {
        return metricsPassword != null && !metricsPassword.isEmpty();
    }

    /** The api's policy, the api's placeholders: say which setting, not bcrypt's message. */
    private static void refuseWeak(String setting, @Nullable String password) {
        if (password == null || password.isEmpty()) {
            return; // @NotBlank says so, naming the variable
        }
        PasswordPolicy.violation(password).ifPresent(why -> {
            throw new IllegalArgumentException(setting + " must have " + why + " (" + PasswordPolicy.EXPECTED + ")");
        });
        StartupSecrets.refusal(password).ifPresent(why -> {
            throw new IllegalArgumentException(setting + " " + why + ": set a password of your own");
        });
    }
}
