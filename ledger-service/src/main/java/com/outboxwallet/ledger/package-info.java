/** The ledger-service: consumes the wallet events once each into the ledger, the audit log and balances. */
@NullMarked
package com.outboxwallet.ledger;

import org.jspecify.annotations.NullMarked;
