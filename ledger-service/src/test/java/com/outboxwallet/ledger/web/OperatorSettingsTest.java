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
            .withPropertyValues("ledger.operator.username=operator");

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
    void aPasswordOfSeventyTwoBytesStarts() {
        context.withPropertyValues("ledger.operator.password=" + "é".repeat(36))
                .run(started -> assertThat(started).hasNotFailed());
    }
}
