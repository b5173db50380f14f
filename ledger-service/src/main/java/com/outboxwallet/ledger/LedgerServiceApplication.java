package com.outboxwallet.ledger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Map;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerServiceApplication {

    /** Reads {@code ledger-service.yml}; see ApiServiceApplication for why each service has its own config name. */
    public static final String CONFIG_NAME = "ledger-service";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(LedgerServiceApplication.class);
        application.setMainApplicationClass(LedgerServiceApplication.class); // not the launcher whose main() called this
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
