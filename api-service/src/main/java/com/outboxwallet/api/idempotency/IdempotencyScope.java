package com.outboxwallet.api.idempotency;

import java.util.UUID;

/**
 * What one key is unique within: the caller, the method and the path. The seed keyed its cache on method, path and
 * key alone, so two callers choosing the same key saw each other's responses.
 */
public record IdempotencyScope(UUID userId, String method, String path, IdempotencyKey key) {

    String redisKey() {
        return "idempotency:v1:" + userId + ":" + method + ":" + path + ":" + key.value();
    }
}
