/** The outbox: each accepted top-up's event row, written in the top-up's own transaction. */
@NullMarked
package com.outboxwallet.api.outbox;

import org.jspecify.annotations.NullMarked;
