package com.outboxwallet.local;

import com.outboxwallet.infra.EmbeddedInfrastructure;

/**
 * Where the services find PostgreSQL, Kafka and Redis: embedded servers or anything else (containers, a cloud).
 *
 * @param walletDatabaseUrl the api-service's database, which holds the outbox the relay reads
 * @param ledgerDatabaseUrl the ledger-service's own database
 */
public record InfrastructureEndpoints(
        String walletDatabaseUrl,
        String ledgerDatabaseUrl,
        String databaseUser,
        String databasePassword,
        String kafkaBootstrapServers,
        String redisUrl) {

    public static InfrastructureEndpoints of(
            EmbeddedInfrastructure infra, String walletDatabase, String ledgerDatabase) {
        return new InfrastructureEndpoints(
                infra.postgres().createDatabase(walletDatabase),
                infra.postgres().createDatabase(ledgerDatabase),
                "postgres",
                "",
                infra.kafka().bootstrapServers(),
                infra.redis().url());
    }
}
