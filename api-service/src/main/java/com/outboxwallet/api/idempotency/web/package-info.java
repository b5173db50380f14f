/** The HTTP side of idempotency: the headers and the answer every create operation gives. */
@NullMarked
package com.outboxwallet.api.idempotency.web;

import org.jspecify.annotations.NullMarked;
