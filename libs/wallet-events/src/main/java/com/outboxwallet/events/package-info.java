/** The wallet's events as other services read them from Kafka: the records, their CloudEvents headers and codec. */
@NullMarked
package com.outboxwallet.events;

import org.jspecify.annotations.NullMarked;
