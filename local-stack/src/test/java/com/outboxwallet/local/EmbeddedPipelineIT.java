package com.outboxwallet.local;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

/** The whole pipeline on the embedded real PostgreSQL, Kafka and Redis: what the README's run command starts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedPipelineIT extends PipelineContract {

    private LocalPipeline pipeline;

    /** The relay's settings on top of the local profile's; none: the default polling mode. */
    List<String> relaySettings() {
        return List.of();
    }

    String databaseSuffix() {
        return "e2e";
    }

    @BeforeAll
    void startPipeline() {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.shared();
        pipeline = LocalPipeline.start(InfrastructureEndpoints.of(infra, "wallet_" + databaseSuffix(),
                "ledger_" + databaseSuffix()), LocalPipeline.Ports.random(), relaySettings());
    }

    @AfterAll
    void stopPipeline() {
        pipeline.close();
    }

    @Override
    LocalPipeline pipeline() {
        return pipeline;
    }
}
