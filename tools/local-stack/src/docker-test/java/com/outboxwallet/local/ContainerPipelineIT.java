package com.outboxwallet.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.sql.DriverManager;

/**
 * The same end-to-end contract against PostgreSQL, Kafka and Redis containers: {@code ./mvnw -Pdocker verify} on a
 * machine with Docker. The default build never needs Docker.
 */
class ContainerPipelineIT extends PipelineContract {

    private static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer(DockerImageName.parse("postgres:17"))
            .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_replication_slots=10");
    private static final KafkaContainer KAFKA = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.1"));
    private static final GenericContainer<?> REDIS = new GenericContainer<>(DockerImageName.parse("redis:7"))
            .withExposedPorts(6379);

    private static LocalPipeline pipeline;

    @BeforeAll
    static void startPipeline() throws Exception {
        POSTGRES.start();
        KAFKA.start();
        REDIS.start();
        try (var connection = DriverManager.getConnection(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(),
                POSTGRES.getPassword())) {
            connection.createStatement().execute("CREATE DATABASE ledger");
        }
        String ledgerUrl = POSTGRES.getJdbcUrl().replace("/" + POSTGRES.getDatabaseName(), "/ledger");
        pipeline = LocalPipeline.start(new InfrastructureEndpoints(POSTGRES.getJdbcUrl(), ledgerUrl,
                        POSTGRES.getUsername(), POSTGRES.getPassword(), KAFKA.getBootstrapServers(),
                        "redis://" + REDIS.getHost() + ":" + REDIS.getMappedPort(6379)),
                LocalPipeline.Ports.random());
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
        REDIS.stop();
        KAFKA.stop();
        POSTGRES.stop();
    }

    @Override
    LocalPipeline pipeline() {
        return pipeline;
    }
}
