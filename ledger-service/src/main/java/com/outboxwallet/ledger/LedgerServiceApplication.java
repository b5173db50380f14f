package com.outboxwallet.ledger;

import com.outboxwallet.ledger.deadletters.DeadLettersCommand;
import com.outboxwallet.ledger.reconcile.ReconcileCommand;
import com.outboxwallet.ledger.replay.ReplayCommand;
import com.outboxwallet.loginguard.StartupSecrets;
import com.outboxwallet.loginguard.StartupSecrets.Secret;
import com.outboxwallet.process.OperatorCommandLine;
import com.outboxwallet.process.ServiceProcess;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerServiceApplication {

    /** The service reads {@code ledger-service.yml}: see {@link ServiceProcess} for why each has its own name. */
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

    private static final ServiceProcess PROCESS = new ServiceProcess(LedgerServiceApplication.class, CONFIG_NAME);

    /** The service, or, when the arguments name one (or ask for --help), an operator command. */
    public static void main(String[] args) {
        PROCESS.main(args, LedgerServiceApplication::commandLine);
    }

    /** The serving service, not yet run. */
    public static SpringApplication application() {
        return PROCESS.application();
    }

    /**
     * Runs an operator command to its end (replay, reconcile, dead-letters; --help lists them): the same application
     * and settings as the service, without its web server and listener.
     *
     * @return the exit code: 0 success, 1 a problem found (mismatch, rebuild not swapped), 2 failure or bad usage
     */
    public static int runCommand(String... args) {
        return commandLine(PROCESS).execute(args);
    }

    private static OperatorCommandLine commandLine(ServiceProcess ledger) {
        return new OperatorCommandLine(ledger, new ReplayCommand(), new ReconcileCommand(), new DeadLettersCommand());
    }
}
