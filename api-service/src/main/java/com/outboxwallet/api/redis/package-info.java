/**
 * The Redis client (Redisson), its health, its memory and evictions as metrics, and the count of requests that went on
 * without Redis.
 */
@NullMarked
package com.outboxwallet.api.redis;

import org.jspecify.annotations.NullMarked;
