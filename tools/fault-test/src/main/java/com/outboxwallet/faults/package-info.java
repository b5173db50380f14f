/** The fault harness: top-ups under load while processes and infrastructure are killed, then the promise checked. */
@NullMarked
package com.outboxwallet.faults;

import org.jspecify.annotations.NullMarked;
