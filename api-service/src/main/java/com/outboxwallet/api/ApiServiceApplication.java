package com.outboxwallet.api;

import com.outboxwallet.loginguard.StartupSecrets;
import com.outboxwallet.loginguard.StartupSecrets.Secret;
import com.outboxwallet.process.ServiceProcess;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ApiServiceApplication {

    /** The service reads {@code api-service.yml}: see {@link ServiceProcess} for why each has its own name. */
    public static final String CONFIG_NAME = "api-service";

    private static final ServiceProcess PROCESS = new ServiceProcess(ApiServiceApplication.class, CONFIG_NAME);

    /** A placeholder or too short a secret stops the start, naming the setting, before anything connects with it. */
    @Bean
    static StartupSecrets startupSecrets() {
        return new StartupSecrets(List.of(
                Secret.of("spring.datasource.password", "SPRING_DATASOURCE_PASSWORD"),
                Secret.of("spring.flyway.password", "SPRING_FLYWAY_PASSWORD"),
                Secret.of("wallet.redis.password", "WALLET_REDIS_PASSWORD"),
                Secret.of("wallet.payments.midtrans.server-key", "WALLET_MIDTRANS_SERVER_KEY")));
    }

    public static void main(String[] args) {
        application().run(args); // the api has no operator commands: it only serves
    }

    /** The serving service, not yet run. */
    public static SpringApplication application() {
        return PROCESS.application();
    }
}
