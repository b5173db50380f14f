package com.outboxwallet.api.idempotency;

import java.util.UUID;

/**
 * What one key is unique within: the caller and the operation. The seed keyed its cache on method, path and key
 * alone, so two callers choosing the same key saw each other's responses. The operation, not the HTTP route: a key
 * sent through the JSON API and through the web page names one top-up, as the database's unique (user, key) says.
 */
public record IdempotencyScope(UUID userId, String operation, IdempotencyKey key) {

    /** v2: holds the operation's result, where v1 held HTTP responses per route. */
    String redisKey() {
        return "idempotency:v2:" + userId + ":" + operation + ":" + key.value();
    }
}
