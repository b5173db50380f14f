/** The books: ledger entries, the audit log, balances, received events and the gaps in each wallet's sequence. */
@NullMarked
package com.outboxwallet.ledger.bookkeeping;

import org.jspecify.annotations.NullMarked;
