package com.outboxwallet.api;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ApiServiceApplication {

    /**
     * The service reads {@code api-service.yml}, not {@code application.yml}: the local stack runs all three services
     * in one JVM, where three {@code application.yml} files would shadow each other.
     */
    public static final String CONFIG_NAME = "api-service";

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
