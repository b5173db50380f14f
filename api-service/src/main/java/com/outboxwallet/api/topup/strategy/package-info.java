/** The concurrency strategies that change one wallet's balance under concurrent top-ups. */
@NullMarked
package com.outboxwallet.api.topup.strategy;

import org.jspecify.annotations.NullMarked;
