package com.outboxwallet.local;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The whole pipeline on the embedded real PostgreSQL, Kafka and Redis: what the README's run command starts. */
class EmbeddedPipelineIT extends PipelineContract {

    private static LocalPipeline pipeline;

    @BeforeAll
    static void startPipeline() {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.shared();
        pipeline = LocalPipeline.start(InfrastructureEndpoints.of(infra, "wallet_e2e", "ledger_e2e"),
                LocalPipeline.Ports.random());
    }

    @AfterAll
    static void stopPipeline() {
        pipeline.close();
    }

    @Override
    LocalPipeline pipeline() {
        return pipeline;
    }
}
