/** The CDC publisher: the Debezium embedded engine on PostgreSQL logical replication (pgoutput), and its slot. */
@NullMarked
package com.outboxwallet.relay.cdc;

import org.jspecify.annotations.NullMarked;
