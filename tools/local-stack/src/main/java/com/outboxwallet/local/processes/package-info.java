/** Starting and stopping each service as its own child JVM. */
@NullMarked
package com.outboxwallet.local.processes;

import org.jspecify.annotations.NullMarked;
