package com.outboxwallet.relay;

import com.outboxwallet.commands.OperatorCommandLine;
import com.outboxwallet.loginguard.StartupSecrets;
import com.outboxwallet.loginguard.StartupSecrets.Secret;
import com.outboxwallet.relay.commands.RelayCommands;
import com.outboxwallet.relay.commands.RepublishCommand;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The relay has no users: its only endpoints are health checks, so Boot must not invent a login. */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class OutboxRelayApplication {

    /** Reads {@code outbox-relay.yml}; see ApiServiceApplication for why each service has its own config name. */
    public static final String CONFIG_NAME = "outbox-relay";

    /** A placeholder or too short a secret stops the start, naming the setting, before anything connects with it. */
    @Bean
    static StartupSecrets startupSecrets() {
        return new StartupSecrets(List.of(
                Secret.of("spring.datasource.password", "SPRING_DATASOURCE_PASSWORD"),
                Secret.inJaasLine(
                        "spring.kafka.properties.sasl.jaas.config", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")));
    }

    /** The relay, or, when the arguments name one (or ask for --help), an operator command. */
    public static void main(String[] args) {
        if (OperatorCommandLine.isCommand(args)) {
            System.exit(runCommand(args));
        }
        application().run(args);
    }

    public static SpringApplication application() {
        return application(Map.of());
    }

    /**
     * Runs an operator command to its end (republish; --help lists them): the relay's own application and settings,
     * without its web server and publishing loops.
     *
     * @return the exit code: 0 success, 2 failure or bad usage
     */
    public static int runCommand(String... args) {
        return new OperatorCommandLine(
                        CONFIG_NAME,
                        RelayCommands.application(OutboxRelayApplication::application),
                        new RepublishCommand())
                .execute(args);
    }

    /** @param defaults beneath the relay's configuration */
    private static SpringApplication application(Map<String, Object> defaults) {
        SpringApplication application = new SpringApplication(OutboxRelayApplication.class);
        application.setMainApplicationClass(OutboxRelayApplication.class); // not the launcher whose main() called this
        Map<String, Object> all = new HashMap<>(defaults);
        all.put("spring.config.name", CONFIG_NAME);
        application.setDefaultProperties(all);
        return application;
    }
}
