/** The reconcile command: compares the api-service's balances with the ledger's. */
@NullMarked
package com.outboxwallet.ledger.reconcile;

import org.jspecify.annotations.NullMarked;
