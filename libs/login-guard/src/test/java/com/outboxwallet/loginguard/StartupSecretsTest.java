package com.outboxwallet.loginguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

class StartupSecretsTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Secrets.class);

    @Test
    void theExamplesPlaceholdersAreRefusedWhateverTheirLength() {
        assertThat(StartupSecrets.refusal("replace-me")).hasValue("is a placeholder");
        assertThat(StartupSecrets.refusal("replace-me-with-12-plus-chars")).hasValue("is a placeholder");
        assertThat(StartupSecrets.refusal("CHANGEME-please-now")).hasValue("is a placeholder");
    }

    @Test
    void wellKnownDefaultsAndShortSecretsAreRefused() {
        assertThat(StartupSecrets.refusal("Postgres")).hasValue("is a well-known default");
        assertThat(StartupSecrets.refusal("s3cr3t-pw")).hasValue("is shorter than 12 characters");
    }

    @Test
    void aSecretOfTheOperatorsOwnIsAccepted() {
        assertThat(StartupSecrets.refusal("kV9#tq2-Lm7!pZ")).isEmpty();
    }

    @Test
    void theStartFailsNamingTheSettingAndItsVariable() {
        context.withPropertyValues("app.db-password=replace-me")
                .run(started -> assertThat(NestedExceptionUtils.getMostSpecificCause(started.getStartupFailure()))
                        .hasMessageContaining("app.db-password (APP_DB_PASSWORD) is a placeholder")
                        .hasMessageContaining("12 or more characters"));
    }

    @Test
    void theStartFailsOnAPlaceholderInsideAJaasLine() {
        context.withPropertyValues("app.jaas=org.example.Login required username=\"relay\" password=\"replace-me\";")
                .run(started -> assertThat(NestedExceptionUtils.getMostSpecificCause(started.getStartupFailure()))
                        .hasMessageContaining("app.jaas (APP_JAAS) is a placeholder"));
    }

    @Test
    void unsetSecretsAndRealOnesStart() {
        context.withPropertyValues(
                        "app.db-password=",
                        "app.jaas=org.example.Login required username=\"relay\" password=\"kV9#tq2-Lm7!pZ\";")
                .run(started -> assertThat(started).hasNotFailed());
    }

    @Configuration(proxyBeanMethods = false)
    static class Secrets {

        @Bean
        static StartupSecrets startupSecrets() {
            return new StartupSecrets(List.of(
                    StartupSecrets.Secret.of("app.db-password", "APP_DB_PASSWORD"),
                    StartupSecrets.Secret.inJaasLine("app.jaas", "APP_JAAS")));
        }
    }
}
