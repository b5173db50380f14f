package com.outboxwallet.ledger;

import com.outboxwallet.commands.OperatorCommandLine;
import com.outboxwallet.ledger.deadletters.DeadLettersCommand;
import com.outboxwallet.ledger.operations.LedgerCommands;
import com.outboxwallet.ledger.reconcile.ReconcileCommand;
import com.outboxwallet.ledger.replay.ReplayCommand;
import com.outboxwallet.loginguard.StartupSecrets;
import com.outboxwallet.loginguard.StartupSecrets.Secret;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerServiceApplication {

    /** Reads {@code ledger-service.yml}; see ApiServiceApplication for why each service has its own config name. */
    public static final String CONFIG_NAME = "ledger-service";

    /** A placeholder or too short a secret stops the start, naming the setting, before anything connects with it. */
    @Bean
    static StartupSecrets startupSecrets() {
        return new StartupSecrets(List.of(
                Secret.of("spring.datasource.password", "SPRING_DATASOURCE_PASSWORD"),
                Secret.of("spring.flyway.password", "SPRING_FLYWAY_PASSWORD"),
                Secret.inJaasLine(
                        "spring.kafka.properties.sasl.jaas.config", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")));
    }

    /** The service, or, when the arguments name one (or ask for --help), an operator command. */
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
     * Runs an operator command to its end (replay, reconcile, dead-letters; --help lists them): the same application
     * and settings as the service, without its web server and listener.
     *
     * @return the exit code: 0 success, 1 a problem found (mismatch, rebuild not swapped), 2 failure or bad usage
     */
    public static int runCommand(String... args) {
        return commandLine().execute(args);
    }

    static OperatorCommandLine commandLine() {
        return new OperatorCommandLine(
                CONFIG_NAME,
                LedgerCommands.application(LedgerServiceApplication::application),
                new ReplayCommand(),
                new ReconcileCommand(),
                new DeadLettersCommand());
    }

    /** @param defaults beneath the service's configuration */
    private static SpringApplication application(Map<String, Object> defaults) {
        SpringApplication application = new SpringApplication(LedgerServiceApplication.class);
        application.setMainApplicationClass(
                LedgerServiceApplication.class); // not the launcher whose main() called this
        Map<String, Object> all = new HashMap<>(defaults);
        all.put("spring.config.name", CONFIG_NAME);
        application.setDefaultProperties(all);
        return application;
    }
}
