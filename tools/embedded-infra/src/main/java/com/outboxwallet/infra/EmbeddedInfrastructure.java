package com.outboxwallet.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL, Kafka and Redis, started together and stopped in reverse order. Local runs start one with fixed ports
 * and durable data; tests share {@link #shared()} across every test class of a JVM.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);
    private static @Nullable EmbeddedInfrastructure shared;

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaServer kafka;
    private final EmbeddedRedisServer redis;

    private EmbeddedInfrastructure(
            EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka, EmbeddedRedisServer redis) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.redis = redis;
    }

    public static EmbeddedInfrastructure start(InfraSettings settings) {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(
                settings.postgresPort(), settings.dataDir().resolve("postgres"), settings.durable());
        EmbeddedRedisServer redis = null;
        try {
            redis = EmbeddedRedisServer.start(settings.redisPort());
            EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(
                    settings.kafkaPort(), settings.dataDir().resolve("kafka"));
            return new EmbeddedInfrastructure(postgres, kafka, redis);
        } catch (RuntimeException e) {
            if (redis != null) {
                redis.close();
            }
            postgres.close();
            throw e;
        }
    }

    /** One set of servers per JVM, on random ports, removed when the JVM exits. */
    public static synchronized EmbeddedInfrastructure shared() {
        if (shared == null) {
            try {
                Path dataDir = Files.createTempDirectory("wallet-test-infra");
                shared = start(InfraSettings.ephemeral(dataDir));
                Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-infra-shutdown"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKafkaServer kafka() {
        return kafka;
    }

    public EmbeddedRedisServer redis() {
        return redis;
    }

    @Override
    public void close() {
        log.info("Stopping embedded infrastructure");
        kafka.close();
        redis.close();
        postgres.close();
    }
}
