/** The outbox relay: publishes outbox rows to Kafka by polling, CDC or both. */
@NullMarked
package com.outboxwallet.relay;

import org.jspecify.annotations.NullMarked;
