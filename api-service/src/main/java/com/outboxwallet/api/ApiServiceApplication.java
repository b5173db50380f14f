package com.outboxwallet.api;

import com.outboxwallet.loginguard.StartupSecrets;
import com.outboxwallet.loginguard.StartupSecrets.Secret;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ApiServiceApplication {

    /**
     * The service reads {@code api-service.yml}, not {@code application.yml}: the local stack runs all three services
     * in one JVM, where three {@code application.yml} files would shadow each other.
     */
    public static final String CONFIG_NAME = "api-service";

    /** A placeholder or too short a secret stops the start, naming the setting, before anything connects with it. */
    @Bean
    static StartupSecrets startupSecrets() {
        return new StartupSecrets(List.of(
                Secret.of("spring.datasource.password", "SPRING_DATASOURCE_PASSWORD"),
                Secret.of("spring.flyway.password", "SPRING_FLYWAY_PASSWORD"),
                Secret.of("wallet.redis.password", "WALLET_REDIS_PASSWORD")));
    }

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(ApiServiceApplication.class);
        application.setMainApplicationClass(ApiServiceApplication.class); // not the launcher whose main() called this
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
