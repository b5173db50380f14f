package com.outboxwallet.relay;

import com.outboxwallet.loginguard.StartupSecrets;
import com.outboxwallet.loginguard.StartupSecrets.Secret;
import com.outboxwallet.process.OperatorCommandLine;
import com.outboxwallet.process.ServiceProcess;
import com.outboxwallet.relay.commands.RepublishCommand;
import java.util.List;
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

    /** The relay reads {@code outbox-relay.yml}: see {@link ServiceProcess} for why each service has its own name. */
    public static final String CONFIG_NAME = "outbox-relay";

    /** A placeholder or too short a secret stops the start, naming the setting, before anything connects with it. */
    @Bean
    static StartupSecrets startupSecrets() {
        return new StartupSecrets(List.of(
                Secret.of("spring.datasource.password", "SPRING_DATASOURCE_PASSWORD"),
                Secret.inJaasLine(
                        "spring.kafka.properties.sasl.jaas.config", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")));
    }

    private static final ServiceProcess PROCESS = new ServiceProcess(OutboxRelayApplication.class, CONFIG_NAME);

    /** The relay, or, when the arguments name one (or ask for --help), an operator command. */
    public static void main(String[] args) {
        PROCESS.main(args, OutboxRelayApplication::commandLine);
    }

    /** The serving relay, not yet run. */
    public static SpringApplication application() {
        return PROCESS.application();
    }

    /**
     * Runs an operator command to its end (republish; --help lists them): the relay's own application and settings,
     * without its web server and publishing loops.
     *
     * @return the exit code: 0 success, 2 failure or bad usage
     */
    public static int runCommand(String... args) {
        return commandLine(PROCESS).execute(args);
    }

    private static OperatorCommandLine commandLine(ServiceProcess relay) {
        return new OperatorCommandLine(relay, new RepublishCommand());
    }
}
