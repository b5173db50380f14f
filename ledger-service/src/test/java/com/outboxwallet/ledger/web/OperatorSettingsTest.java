package com.outboxwallet.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class OperatorSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OperatorProperties.class)
    static class Settings {}

    private final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues(
                    "ledger.operator.username=operator",
                    "ledger.operator.metrics-username=prometheus",
                    "ledger.operator.login-throttle.max-failures-per-user=5",
                    "ledger.operator.login-throttle.max-failures-per-account=20",
                    "ledger.operator.login-throttle.max-failures-per-address=20",
                    "ledger.operator.login-throttle.first-delay=1s",
                    "ledger.operator.login-throttle.longest-delay=15m",
                    "ledger.operator.login-throttle.known-address-for=30d");

    @Test
    void anOperatorPasswordLongerThanBcryptReadsStopsTheStartNamingTheSetting() {
        context.withPropertyValues("ledger.operator.password=" + "é".repeat(37)).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("LEDGER_OPERATOR_PASSWORD")
                    .hasMessageContaining("72 bytes");
        });
    }

    @Test
    void theExamplesPlaceholderStopsTheStartNamingTheSetting() {
        context.withPropertyValues("ledger.operator.password=replace-me")
                .run(started -> assertThat(started.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining(
                                "ledger.operator.password (LEDGER_OPERATOR_PASSWORD) must have at least 12"));
        context.withPropertyValues("ledger.operator.password=replace-me-with-12-plus-chars")
                .run(started -> assertThat(started.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("LEDGER_OPERATOR_PASSWORD) is a placeholder"));
    }

    @Test
    void aWeakMetricsPasswordStopsTheStartNamingItsSetting() {
        context.withPropertyValues(
                        "ledger.operator.password=an-operators-own-pass", "ledger.operator.metrics-password=short")
                .run(started -> assertThat(started.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("LEDGER_METRICS_PASSWORD")
                        .hasMessageContaining("at least 12 characters"));
    }

    @Test
    void aPasswordOfSeventyTwoBytesStarts() {
        context.withPropertyValues("ledger.operator.password=" + "é".repeat(36))
                .run(started -> assertThat(started).hasNotFailed());
    }
}
