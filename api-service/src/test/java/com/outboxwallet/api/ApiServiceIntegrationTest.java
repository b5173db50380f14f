package com.outboxwallet.api;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The api-service against the JVM's shared real PostgreSQL and Redis. */
public abstract class ApiServiceIntegrationTest extends ApiServiceTestBase {

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add(
                "wallet.redis.url",
                () -> EmbeddedInfrastructure.shared().redis().url());
    }
}
