/** Hybrid mode: CDC publishes, and the poller takes over while CDC is down or behind. */
@NullMarked
package com.outboxwallet.relay.hybrid;

import org.jspecify.annotations.NullMarked;
