/** The operator console's figures: the pipeline's health read from the ledger and the relay's metrics. */
@NullMarked
package com.outboxwallet.ledger.console;

import org.jspecify.annotations.NullMarked;
