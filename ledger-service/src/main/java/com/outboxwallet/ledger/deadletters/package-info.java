/** The dead-letters command: lists the dead-letter topic and re-drives its records. */
@NullMarked
package com.outboxwallet.ledger.deadletters;

import org.jspecify.annotations.NullMarked;
