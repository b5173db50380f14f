package com.outboxwallet.relay;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The relay against the JVM's shared real PostgreSQL and Kafka, on the api-service's own outbox schema. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + OutboxRelayApplication.CONFIG_NAME)
abstract class RelayIntegrationTest {

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.shared();
        registry.add("spring.datasource.url", () -> migratedDatabase(infra));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.kafka.bootstrap-servers", () -> infra.kafka().bootstrapServers());
    }

    private static String migratedDatabase(EmbeddedInfrastructure infra) {
        String url = infra.postgres().createDatabase("relay_test");
        Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations("classpath:db/migration/api")
                .load()
                .migrate();
        return url;
    }

    protected String bootstrapServers() {
        return EmbeddedInfrastructure.shared().kafka().bootstrapServers();
    }
}
