package com.outboxwallet.loginguard;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a service whose secrets are placeholders or too short, naming the setting, before any bean is made
 * (so before any connection is tried with them). A secret left unset is the business of whoever needs it (an empty
 * password is how the local profile's embedded database is reached); a secret that is set must be a real one:
 * {@code .env.example}'s values, and the usual defaults, never are.
 */
public final class StartupSecrets implements BeanFactoryPostProcessor, EnvironmentAware {

    /** The shortest secret accepted: {@link PasswordPolicy}'s, for machine secrets as for people's passwords. */
    public static final int MIN_CHARACTERS = PasswordPolicy.MIN_CHARACTERS;

    /** What a copied example says instead of a secret, anywhere in the value. */
    private static final List<String> PLACEHOLDER_MARKS =
            List.of("replace-me", "replaceme", "change-me", "changeme", "changeit", "placeholder", "your-password");
    /** Whole values that are defaults somewhere, and so the first ones guessed. */
    private static final List<String> DEFAULTS =
            List.of("password", "secret", "admin", "postgres", "guest", "root", "12345678", "123456789012");

    private static final Pattern JAAS_PASSWORD = Pattern.compile("password=\"([^\"]*)\"");

    /** A setting that holds a secret; {@code jaas} when the secret is the password of a JAAS line. */
    public record Secret(String setting, String environmentVariable, boolean jaas) {

        public static Secret of(String setting, String environmentVariable) {
            return new Secret(setting, environmentVariable, false);
        }

        public static Secret inJaasLine(String setting, String environmentVariable) {
            return new Secret(setting, environmentVariable, true);
        }
    }

    private final List<Secret> secrets;
    private @Nullable Environment environment;

    public StartupSecrets(List<Secret> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Environment settings = environment;
        if (settings == null) {
            return;
        }
        for (Secret secret : secrets) {
            String value = settings.getProperty(secret.setting());
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (secret.jaas()) {
                Matcher password = JAAS_PASSWORD.matcher(value);
                if (!password.find()) {
                    continue;
                }
                value = password.group(1);
            }
            String setting = secret.setting() + " (" + secret.environmentVariable() + ")";
            refusal(value).ifPresent(why -> {
                throw new IllegalStateException(setting + " " + why + ": set a secret of your own, " + MIN_CHARACTERS
                        + " or more characters (docs/runbook.md, \"Rotating a secret\")");
            });
        }
    }

    /** @return why the value cannot be a secret, or empty when it may be one */
    public static Optional<String> refusal(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (PLACEHOLDER_MARKS.stream().anyMatch(lower::contains)) {
            return Optional.of("is a placeholder");
        }
        if (DEFAULTS.contains(lower)) {
            return Optional.of("is a well-known default");
        }
        if (value.codePointCount(0, value.length()) < MIN_CHARACTERS) {
            return Optional.of("is shorter than " + MIN_CHARACTERS + " characters");
        }
        return Optional.empty();
    }
}
