/** Login throttling: failed logins counted per username and address in Redis, with growing waits. */
@NullMarked
package com.outboxwallet.api.auth.throttle;

import org.jspecify.annotations.NullMarked;
