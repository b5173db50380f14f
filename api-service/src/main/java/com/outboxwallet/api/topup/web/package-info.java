/** The top-up HTTP endpoint: JSON and HTML form bodies, Idempotency-Key, and its answers. */
@NullMarked
package com.outboxwallet.api.topup.web;

import org.jspecify.annotations.NullMarked;
