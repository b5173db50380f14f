/** Background work the api-service repeats while it runs, each on a thread of its own. */
@NullMarked
package com.outboxwallet.api.scheduling;

import org.jspecify.annotations.NullMarked;
