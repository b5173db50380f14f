package com.outboxwallet.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A claim left in Redis by a request that committed: the reply to its {@code SET NX} was lost after Redis applied it
 * (so it ran on the database guard alone, never knowing it held the claim), or storing its result failed, or its
 * process died after the commit. Retries must not wait out the in-flight TTL.
 */
class StrayClaimIT extends ApiServiceIntegrationTest {

    private static final String TOP_UP = "top-up";

    @Autowired
    RedissonClient redisson;

    @Autowired
    JsonMapper json;

    @Autowired
    IdempotencyGuard guard;

    @Test
    void aRetryOfACommittedTopUpWhoseClaimWasLeftBehindIsAReplayNotAConflict() {
        Credentials alice = aUser();
        String key = anyKey();
        HttpResponse<String> first = api().topUp(alice, key, "10.00");
        RBucket<String> entry = entryOf(alice, key);
        String fingerprint = json.readValue(entry.get(), StoredEntry.class).fingerprint();
        entry.set(
                json.writeValueAsString(StoredEntry.inFlight("its-owner-never-learnt-it-held-it", fingerprint)),
                Duration.ofSeconds(30));

        HttpResponse<String> retry = api().topUp(alice, key, "10.00");

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json.readValue(entry.get(), StoredEntry.class).state())
                .as("the claim replaced by the result")
                .isEqualTo(StoredEntry.State.COMPLETED);
        assertThat(topUpsOf(alice)).isEqualTo(1);
        assertThat(outboxRowsOf(alice)).isEqualTo(1);
    }

    @Test
    void aClaimWhoseRequestHasNotCommittedIsStillInFlightAndRunsNothing() {
        Credentials alice = aUser();
        String key = anyKey();
        RBucket<String> entry = entryOf(alice, key);
        entry.set(
                json.writeValueAsString(StoredEntry.inFlight("a-request-still-running", "its fingerprint")),
                Duration.ofSeconds(30));
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> guard.execute(
                        new IdempotencyScope(alice.userId(), TOP_UP, new IdempotencyKey(key)),
                        "its fingerprint",
                        String.class,
                        () -> {
                            ran.set(true);
                            return new Idempotent<>("a second run", false);
                        },
                        Optional::empty))
                .isInstanceOf(RequestInFlight.class);

        assertThat(ran).isFalse();
        assertThat(json.readValue(entry.get(), StoredEntry.class).state()).isEqualTo(StoredEntry.State.IN_FLIGHT);
    }

    private RBucket<String> entryOf(Credentials user, String key) {
        return redisson.getBucket(
                new IdempotencyScope(user.userId(), TOP_UP, new IdempotencyKey(key)).redisKey(), StringCodec.INSTANCE);
    }
}
