/** What the ledger's HTTP endpoints share: operator security and problem responses. */
@NullMarked
package com.outboxwallet.ledger.web;

import org.jspecify.annotations.NullMarked;
