package com.outboxwallet.local;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import com.outboxwallet.infra.InfraSettings;

import java.io.PrintStream;

/**
 * The README's run command: real PostgreSQL, Kafka and Redis from Maven artifacts, then the api-service, the relay
 * and the ledger-service, all in this JVM. Data survives restarts in {@code LOCAL_DATA_DIR}. Ctrl-C stops the
 * services first, then the servers.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) {
        LocalStackSettings settings = LocalStackSettings.from(System.getenv());
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.start(new InfraSettings(settings.postgresPort(),
                settings.kafkaPort(), settings.redisPort(), settings.dataDir(), true));
        LocalPipeline pipeline;
        try {
            pipeline = LocalPipeline.start(InfrastructureEndpoints.of(infra, "wallet", "ledger"),
                    new LocalPipeline.Ports(settings.apiPort(), settings.relayPort(), settings.ledgerPort()));
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pipeline.close();
            infra.close();
        }, "local-stack-shutdown"));
        printWhereEverythingListens(System.out, settings, pipeline);
    }

    private static void printWhereEverythingListens(PrintStream out, LocalStackSettings settings, LocalPipeline pipeline) {
        out.printf("""

                ==========================================================================================
                 The outbox wallet is running. Ctrl-C stops everything.

                 api-service     http://localhost:%d   users admin/admin-local-pass (ADMIN),
                                                         alice/alice-local-pass, bob/bob-local-pass
                 outbox-relay    http://localhost:%d/actuator/health
                 ledger-service  http://localhost:%d   operator admin/admin-local-pass
                 PostgreSQL      localhost:%d, databases wallet and ledger, user postgres, no password
                 Kafka           localhost:%d, topic wallet.events
                 Redis           redis://localhost:%d
                 Data            %s  (stop, then delete it to start from scratch)
                ==========================================================================================
                %n""", pipeline.apiPort(), pipeline.relayPort(), pipeline.ledgerPort(), settings.postgresPort(),
                settings.kafkaPort(), settings.redisPort(), settings.dataDir());
    }
}
