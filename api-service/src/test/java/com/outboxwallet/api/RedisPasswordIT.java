package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.infra.EmbeddedRedisServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Redis whose password has the characters a URL cannot hold as they are: given as {@code wallet.redis.password}
 * (compose passes {@code REDIS_PASSWORD} so), it is used as it is.
 */
class RedisPasswordIT extends ApiServiceTestBase {

    private static final String PASSWORD = "p@ss:w/rd#%?&=";
    private static final EmbeddedRedisServer REDIS = EmbeddedRedisServer.start(0, PASSWORD);

    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void aRedisWithAPassword(DynamicPropertyRegistry registry) {
        registry.add("wallet.redis.url", () -> "redis://localhost:" + REDIS.port());
        registry.add("wallet.redis.password", () -> PASSWORD);
    }

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Test
    void theServiceAuthenticatesWithAPasswordOfAnyCharacters() {
        Credentials alice = aUser();
        String key = anyKey();
        api().topUp(alice, key, "5.00");

        HttpResponse<String> retry = api().topUp(alice, key, "5.00");

        assertThat(json.readTree(api().get(admin(), "/actuator/health").body())
                        .get("components")
                        .get("redis")
                        .get("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }
}
