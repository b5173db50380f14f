package com.outboxwallet.local;

import com.outboxwallet.api.ApiServiceApplication;
import com.outboxwallet.ledger.LedgerServiceApplication;
import com.outboxwallet.relay.OutboxRelayApplication;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;

/**
 * The three services and how a local run configures each against the infrastructure, whether they run in this JVM
 * ({@link LocalPipeline}) or each from its own executable jar in a JVM of its own
 * ({@link com.outboxwallet.local.processes.ProcessStack}).
 */
public enum Service {
    API("api", "api-service"),
    RELAY("relay", "outbox-relay"),
    LEDGER("ledger", "ledger-service");

    private final String shortName;
    private final String module;

    Service(String shortName, String module) {
        this.shortName = shortName;
        this.module = module;
    }

    /** As in {@code --instances api=2}. */
    public String shortName() {
        return shortName;
    }

    /** The Maven module, which is also the prefix of its executable jar's name. */
    public String module() {
        return module;
    }

    SpringApplication application() {
        return switch (this) {
            case API -> ApiServiceApplication.application();
            case RELAY -> OutboxRelayApplication.application();
            case LEDGER -> LedgerServiceApplication.application();
        };
    }

    /** The command-line settings a local run starts the service with: the local profile, its port and its servers. */
    public List<String> localSettings(InfrastructureEndpoints infra, int port) {
        String kafka = "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers();
        List<String> servers = switch (this) {
            case API ->
                List.of(
                        "--spring.datasource.url=" + infra.walletDatabaseUrl(),
                        "--wallet.redis.url=" + infra.redisUrl());
            case RELAY -> List.of("--spring.datasource.url=" + infra.walletDatabaseUrl(), kafka);
            case LEDGER -> List.of("--spring.datasource.url=" + infra.ledgerDatabaseUrl(), kafka);
        };
        return Stream.concat(
                        servers.stream(),
                        Stream.of(
                                "--spring.profiles.active=local",
                                "--server.port=" + port,
                                "--spring.datasource.username=" + infra.databaseUser(),
                                "--spring.datasource.password=" + infra.databasePassword(),
                                "--spring.main.banner-mode=off"))
                .toList();
    }
}
