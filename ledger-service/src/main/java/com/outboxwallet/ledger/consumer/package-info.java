/** The Kafka consumer: batches of wallet events applied once each, with retries and dead letters. */
@NullMarked
package com.outboxwallet.ledger.consumer;

import org.jspecify.annotations.NullMarked;
