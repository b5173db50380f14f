/** The Kafka side: topic settings and the CloudEvents record made from an outbox row. */
@NullMarked
package com.outboxwallet.relay.kafka;

import org.jspecify.annotations.NullMarked;
