/** Leadership among relay instances, held as a PostgreSQL advisory lock, and what follows each check. */
@NullMarked
package com.outboxwallet.relay.leadership;

import org.jspecify.annotations.NullMarked;
