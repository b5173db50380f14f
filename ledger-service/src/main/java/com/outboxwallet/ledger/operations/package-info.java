/** What the ledger's operator commands share: their settings, reading a topic, progress lines. */
@NullMarked
package com.outboxwallet.ledger.operations;

import org.jspecify.annotations.NullMarked;
