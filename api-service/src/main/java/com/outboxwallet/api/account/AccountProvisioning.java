package com.outboxwallet.api.account;

import com.outboxwallet.api.auth.Role;
import java.util.Objects;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the bootstrap administrator and, once its password is set, the metrics scraper, and gives each the
 * environment's password at every start (so an operator rotates them by changing the variable and restarting); the
 * local profile's demo users are created once, and later starts leave them alone.
 */
@Component
class AccountProvisioning implements ApplicationRunner {

    private final UserAccounts accounts;
    private final AccountProperties properties;

    AccountProvisioning(UserAccounts accounts, AccountProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        AccountProperties.BootstrapAdmin admin = properties.bootstrapAdmin();
        accounts.provision(admin.username(), admin.password(), Role.ADMIN);
        AccountProperties.MetricsScraper scraper = properties.metricsScraper();
        if (scraper.configured()) {
            accounts.provision(scraper.username(), Objects.requireNonNull(scraper.password()), Role.METRICS);
        }
        properties.demoUsers().forEach(user -> accounts.createIfAbsent(user.username(), user.password(), Role.USER));
    }
}
