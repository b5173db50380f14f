/** The relay's metrics: outbox age and backlog, publishing, leadership. */
@NullMarked
package com.outboxwallet.relay.metrics;

import org.jspecify.annotations.NullMarked;
