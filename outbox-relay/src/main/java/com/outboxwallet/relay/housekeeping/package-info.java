/** Deleting published outbox rows once their retention has passed. */
@NullMarked
package com.outboxwallet.relay.housekeeping;

import org.jspecify.annotations.NullMarked;
