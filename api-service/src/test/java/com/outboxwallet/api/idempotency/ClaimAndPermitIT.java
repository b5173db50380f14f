package com.outboxwallet.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A top-up's rate-limit permit and its idempotency claim are taken in one script: the refusal claims nothing. */
@TestPropertySource(properties = {"wallet.rate-limit.requests=1", "wallet.rate-limit.window=60s"})
class ClaimAndPermitIT extends ApiServiceIntegrationTest {

    private static final String TOP_UP = "top-up";

    @Autowired
    RedissonClient redisson;

    @Test
    void aTopUpTheLimitRefusesLeavesItsKeyUnclaimed() {
        Credentials alice = aUser();
        String allowed = anyKey();
        String refused = anyKey();
        assertThat(api().topUp(alice, allowed, "1.00").statusCode()).isEqualTo(201);

        HttpResponse<String> overTheLimit = api().topUp(alice, refused, "1.00");

        assertThat(overTheLimit.statusCode()).isEqualTo(429);
        assertThat(entryOf(alice, allowed)).contains("COMPLETED");
        assertThat(entryOf(alice, refused)).isNull();
        assertThat(topUpsOf(alice)).isEqualTo(1);
    }

    private String entryOf(Credentials user, String key) {
        return redisson.<String>getBucket(
                        new IdempotencyScope(user.userId(), TOP_UP, new IdempotencyKey(key)).redisKey(),
                        StringCodec.INSTANCE)
                .get();
    }
}
