/** The operator's HTTP endpoints for the books: a wallet's ledger, the audit log, open sequence gaps. */
@NullMarked
package com.outboxwallet.ledger.bookkeeping.web;

import org.jspecify.annotations.NullMarked;
