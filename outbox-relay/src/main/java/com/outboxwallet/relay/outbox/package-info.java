/** Reading and marking outbox rows. */
@NullMarked
package com.outboxwallet.relay.outbox;

import org.jspecify.annotations.NullMarked;
