/** The api-service: authenticated HTTP top-ups written with their outbox row in one PostgreSQL transaction. */
@NullMarked
package com.outboxwallet.api;

import org.jspecify.annotations.NullMarked;
