/** The replay command: rebuilds the ledger from the topic in a schema of its own, then swaps it in. */
@NullMarked
package com.outboxwallet.ledger.replay;

import org.jspecify.annotations.NullMarked;
