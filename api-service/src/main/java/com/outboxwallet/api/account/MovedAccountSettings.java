package com.outboxwallet.api.account;

import java.util.List;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The accounts' settings moved from {@code wallet.*} to {@code wallet.accounts.*}, so that each settings record binds
 * a prefix of its own ({@link AccountProperties}, {@code WalletProperties}). A deployment still setting an old name
 * (say {@code WALLET_BOOTSTRAPADMIN_USERNAME}) would otherwise start with the default in silence: it is refused at
 * start instead, naming the new setting.
 */
@Component
class MovedAccountSettings {

    private static final List<String> MOVED = List.of("bootstrap-admin", "demo-users", "metrics-scraper");

    MovedAccountSettings(Environment environment) {
        for (String setting : MOVED) {
            ConfigurationPropertyName old = ConfigurationPropertyName.of("wallet." + setting);
            for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
                if (source.containsDescendantOf(old) == ConfigurationPropertyState.PRESENT) {
                    throw new IllegalStateException(
                            "wallet.%s.* is now wallet.accounts.%s.* (environment: WALLET_ACCOUNTS_%s_...); rename the setting"
                                    .formatted(
                                            setting,
                                            setting,
                                            setting.replace("-", "").toUpperCase(java.util.Locale.ROOT)));
                }
            }
        }
    }
}
