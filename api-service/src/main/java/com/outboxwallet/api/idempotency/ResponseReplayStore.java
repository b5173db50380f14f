package com.outboxwallet.api.idempotency;

import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * Keeps first responses in Redis. Redis is the fast path only: when it is unreachable the store answers "nothing
 * recorded" and the request goes on to PostgreSQL, whose unique (user, key) constraint still returns the original
 * top-up instead of crediting twice. Availability is kept; correctness never depended on Redis.
 */
@Component
public class ResponseReplayStore {

    private static final Logger log = LoggerFactory.getLogger(ResponseReplayStore.class);

    private final RedissonClient redisson;
    private final JsonMapper json;
    private final IdempotencyProperties properties;

    ResponseReplayStore(RedissonClient redisson, JsonMapper json, IdempotencyProperties properties) {
        this.redisson = redisson;
        this.json = json;
        this.properties = properties;
    }

    public Optional<RecordedResponse> find(IdempotencyScope scope) {
        try {
            String recorded = redisson.<String>getBucket(scope.redisKey(), StringCodec.INSTANCE).get();
            return Optional.ofNullable(recorded).map(value -> json.readValue(value, RecordedResponse.class));
        } catch (RedisException e) {
            log.warn("Redis unavailable, relying on the database guard for idempotency: {}", e.getMessage());
            return Optional.empty();
        }
    }

    public void remember(IdempotencyScope scope, RecordedResponse response) {
        try {
            redisson.<String>getBucket(scope.redisKey(), StringCodec.INSTANCE)
                    .set(json.writeValueAsString(response), properties.responseTtl());
        } catch (RedisException e) {
            log.warn("Redis unavailable, response not cached for replay: {}", e.getMessage());
        }
    }
}
