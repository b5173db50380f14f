/** Idempotency keys: the first response cached in Redis and replayed, with the database as the final guard. */
@NullMarked
package com.outboxwallet.api.idempotency;

import org.jspecify.annotations.NullMarked;
