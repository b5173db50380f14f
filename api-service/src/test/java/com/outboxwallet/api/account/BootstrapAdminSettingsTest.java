package com.outboxwallet.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class BootstrapAdminSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AccountProperties.class)
    @Import(MovedAccountSettings.class)
    static class Settings {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues(
                    "wallet.accounts.bootstrap-admin.username=admin",
                    "wallet.accounts.metrics-scraper.username=prometheus");

    /** The context did not start, and the root cause's message names each of {@code parts}. */
    private static ContextConsumer<AssertableApplicationContext> failsToStartSaying(String... parts) {
        return started -> {
            assertThat(started).hasFailed();
            for (String part : parts) {
                assertThat(started.getStartupFailure()).rootCause().hasMessageContaining(part);
            }
        };
    }

    @Test
    void withoutAnAdminPasswordTheServiceRefusesToStartAndSaysWhichVariableToSet() {
        context.withPropertyValues("wallet.accounts.bootstrap-admin.password=")
                .run(failsToStartSaying("WALLET_ADMIN_PASSWORD"));
    }

    @Test
    void anAdminPasswordLongerThanBcryptReadsStopsTheStartNamingTheSetting() {
        context.withPropertyValues("wallet.accounts.bootstrap-admin.password=" + "密".repeat(25))
                .run(failsToStartSaying(
                        "wallet.accounts.bootstrap-admin.password (WALLET_ADMIN_PASSWORD)", "at most 72 bytes"));
    }

    @Test
    void theExamplesPlaceholdersStopTheStartNamingTheSetting() {
        context.withPropertyValues("wallet.accounts.bootstrap-admin.password=replace-me-with-12-plus-chars")
                .run(failsToStartSaying(
                        "wallet.accounts.bootstrap-admin.password (WALLET_ADMIN_PASSWORD)", "is a placeholder"));
        context.withPropertyValues(
                        "wallet.accounts.bootstrap-admin.password=from-the-environment",
                        "wallet.accounts.metrics-scraper.password=CHANGEME-metrics-password")
                .run(failsToStartSaying(
                        "wallet.accounts.metrics-scraper.password (WALLET_METRICS_PASSWORD)", "is a placeholder"));
    }

    @Test
    void aShortDemoUserPasswordStopsTheStartNamingTheUser() {
        context.withPropertyValues(
                        "wallet.accounts.bootstrap-admin.password=from-the-environment",
                        "wallet.accounts.demo-users[0].username=alice",
                        "wallet.accounts.demo-users[0].password=short")
                .run(failsToStartSaying("demo user alice", "at least 12 characters"));
    }

    @Test
    void aShortMetricsScraperPasswordStopsTheStartNamingTheSetting() {
        context.withPropertyValues(
                        "wallet.accounts.bootstrap-admin.password=from-the-environment",
                        "wallet.accounts.metrics-scraper.password=short")
                .run(failsToStartSaying(
                        "wallet.accounts.metrics-scraper.password (WALLET_METRICS_PASSWORD)",
                        "at least 12 characters"));
    }

    @Test
    void withAnAdminPasswordItStartsAndHasNoDemoUsers() {
        context.withPropertyValues("wallet.accounts.bootstrap-admin.password=from-the-environment")
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

    @Test
    void aSettingUnderItsOldNameIsRefusedNamingTheNewOne() {
        context.withPropertyValues(
                        "wallet.accounts.bootstrap-admin.password=from-the-environment",
                        "wallet.bootstrap-admin.username=root")
                .run(failsToStartSaying("wallet.bootstrap-admin.* is now wallet.accounts.bootstrap-admin.*"));
    }
}
