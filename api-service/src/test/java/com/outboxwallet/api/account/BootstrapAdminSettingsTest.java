package com.outboxwallet.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class BootstrapAdminSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AccountProperties.class)
    static class Settings {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues("wallet.bootstrap-admin.username=admin", "wallet.metrics-scraper.username=prometheus");

    @Test
    void withoutAnAdminPasswordTheServiceRefusesToStartAndSaysWhichVariableToSet() {
        context.withPropertyValues("wallet.bootstrap-admin.password=").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("WALLET_ADMIN_PASSWORD");
        });
    }

    @Test
    void anAdminPasswordLongerThanBcryptReadsStopsTheStartNamingTheSetting() {
        context.withPropertyValues("wallet.bootstrap-admin.password=" + "密".repeat(25))
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("wallet.bootstrap-admin.password (WALLET_ADMIN_PASSWORD)")
                            .hasMessageContaining("at most 72 bytes");
                });
    }

    @Test
    void aShortDemoUserPasswordStopsTheStartNamingTheUser() {
        context.withPropertyValues(
                        "wallet.bootstrap-admin.password=from-the-environment",
                        "wallet.demo-users[0].username=alice",
                        "wallet.demo-users[0].password=short")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("demo user alice")
                            .hasMessageContaining("at least 12 characters");
                });
    }

    @Test
    void aShortMetricsScraperPasswordStopsTheStartNamingTheSetting() {
        context.withPropertyValues(
                        "wallet.bootstrap-admin.password=from-the-environment", "wallet.metrics-scraper.password=short")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("wallet.metrics-scraper.password (WALLET_METRICS_PASSWORD)")
                            .hasMessageContaining("at least 12 characters");
                });
    }

    @Test
    void withAnAdminPasswordItStartsAndHasNoDemoUsers() {
        context.withPropertyValues("wallet.bootstrap-admin.password=from-the-environment")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(AccountProperties.class).demoUsers())
                            .isEmpty();
                    assertThat(started.getBean(AccountProperties.class)
                                    .metricsScraper()
                                    .configured())
                            .as("no scraper without its password")
                            .isFalse();
                });
    }
}
