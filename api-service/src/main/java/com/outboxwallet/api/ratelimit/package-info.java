/** Per-user rate limiting in Redis, which steps aside when Redis is unavailable. */
@NullMarked
package com.outboxwallet.api.ratelimit;

import org.jspecify.annotations.NullMarked;
