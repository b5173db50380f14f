package com.outboxwallet.relay;

import com.outboxwallet.relay.commands.RelayCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Map;

/** The relay has no users: its only endpoints are health checks, so Boot must not invent a login. */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class OutboxRelayApplication {

    /** Reads {@code outbox-relay.yml}; see ApiServiceApplication for why each service has its own config name. */
    public static final String CONFIG_NAME = "outbox-relay";

    public static void main(String[] args) {
        if (RelayCommands.isCommand(args)) {
            System.exit(RelayCommands.run(application(), args));
        }
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(OutboxRelayApplication.class);
        application.setMainApplicationClass(OutboxRelayApplication.class); // not the launcher whose main() called this
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
