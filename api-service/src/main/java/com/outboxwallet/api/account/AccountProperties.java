package com.outboxwallet.api.account;

import com.outboxwallet.loginguard.PasswordPolicy;
import com.outboxwallet.loginguard.StartupSecrets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param bootstrapAdmin the administrator created at first start; its password has no default outside the local profile
 * @param demoUsers      USER accounts provisioned at start-up; only the local profile lists any
 * @param metricsScraper the account a monitoring system scrapes {@code /actuator/prometheus} with (role METRICS),
 *                       provisioned once its password is set
 */
@Validated
@ConfigurationProperties("wallet.accounts")
public record AccountProperties(
        @Valid @NotNull BootstrapAdmin bootstrapAdmin,
        List<@Valid DemoUser> demoUsers,
        @Valid @NotNull MetricsScraper metricsScraper) {

    public AccountProperties {
        demoUsers = demoUsers == null ? List.of() : List.copyOf(demoUsers);
    }

    public record BootstrapAdmin(
            @NotBlank String username,

            @NotBlank(
                    message = "set WALLET_ADMIN_PASSWORD: the bootstrap administrator's password (there is no default)")
            String password) {

        public BootstrapAdmin {
            refuseUnacceptable("wallet.accounts.bootstrap-admin.password (WALLET_ADMIN_PASSWORD)", password);
        }
    }

    public record DemoUser(
            @NotBlank String username, @NotBlank String password) {

        public DemoUser {
            refuseUnacceptable("the password of demo user " + username, password);
        }
    }

    /**
     * Prometheus's account: it may read the metrics and nothing else (no top-ups, no users), so the monitoring system
     * never holds an administrator's password.
     */
    public record MetricsScraper(
            @NotBlank String username, @Nullable String password) {

        public MetricsScraper {
            refuseUnacceptable("wallet.accounts.metrics-scraper.password (WALLET_METRICS_PASSWORD)", password);
        }

        public boolean configured() {
            return password != null && !password.isBlank();
        }
    }

    /** Fails the start naming the setting, rather than with bcrypt's message from deep inside provisioning. */
    private static void refuseUnacceptable(String setting, @Nullable String password) {
        if (password == null || password.isBlank()) {
            return; // @NotBlank says what to set
        }
        PasswordPolicy.violation(password).ifPresent(reason -> {
            throw new IllegalArgumentException(setting + " must have " + reason + " (" + PasswordPolicy.EXPECTED + ")");
        });
        StartupSecrets.refusal(password).ifPresent(reason -> {
            throw new IllegalArgumentException(setting + " " + reason + ": set a password of your own");
        });
    }
}
