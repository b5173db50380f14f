/** Real PostgreSQL, Kafka and Redis started embedded, for the local stack and the tests on a machine with only a JDK. */
@NullMarked
package com.outboxwallet.infra;

import org.jspecify.annotations.NullMarked;
