/** Tracing and log context: the request's trace carried into the outbox row, and the ids every log line names. */
@NullMarked
package com.outboxwallet.api.trace;

import org.jspecify.annotations.NullMarked;
