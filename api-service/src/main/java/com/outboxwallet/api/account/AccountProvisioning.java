package com.outboxwallet.api.account;

import com.outboxwallet.api.auth.Role;
import java.util.Objects;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the bootstrap administrator, the metrics scraper once its password is set, and any configured demo users,
 * once; later starts leave them alone.
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
        accounts.createIfAbsent(admin.username(), admin.password(), Role.ADMIN);
        AccountProperties.MetricsScraper scraper = properties.metricsScraper();
        if (scraper.configured()) {
            accounts.createIfAbsent(scraper.username(), Objects.requireNonNull(scraper.password()), Role.METRICS);
        }
        properties.demoUsers().forEach(user -> accounts.createIfAbsent(user.username(), user.password(), Role.USER));
    }
}
