package com.outboxwallet.ledger;

import com.outboxwallet.ledger.operations.OperatorCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerServiceApplication {

    /** Reads {@code ledger-service.yml}; see ApiServiceApplication for why each service has its own config name. */
    public static final String CONFIG_NAME = "ledger-service";

    /** The service, or, when the first argument names one, an operator command (replay, reconcile, dead-letters). */
    public static void main(String[] args) {
        if (OperatorCommand.named(args).isPresent()) {
            System.exit(runCommand(args));
        }
        application().run(args);
    }

    public static SpringApplication application() {
        return application(Map.of());
    }

    /**
     * Runs an operator command to its end: the same application and settings as the service, without its web server
     * and listener.
     *
     * @return the exit code: 0 success, 1 a problem found (mismatch, rebuild not swapped), 2 failure
     */
    public static int runCommand(String... args) {
        Optional<OperatorCommand> command = OperatorCommand.named(args);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("not an operator command: " + String.join(" ", args));
        }
        try {
            return SpringApplication.exit(application(command.get().settings()).run(args));
        } catch (RuntimeException e) {
            System.out.println(command.get().command() + " failed to start: " + e.getMessage());
            return 2;
        }
    }

    private static SpringApplication application(Map<String, Object> settings) {
        SpringApplication application = new SpringApplication(LedgerServiceApplication.class);
        application.setMainApplicationClass(LedgerServiceApplication.class); // not the launcher whose main() called this
        Map<String, Object> defaults = new HashMap<>(settings);
        defaults.put("spring.config.name", CONFIG_NAME);
        application.setDefaultProperties(defaults);
        return application;
    }
}
