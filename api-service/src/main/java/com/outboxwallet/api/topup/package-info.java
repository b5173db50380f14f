/** Top-ups: validating an amount, applying it to the wallet once, and what each outcome answers. */
@NullMarked
package com.outboxwallet.api.topup;

import org.jspecify.annotations.NullMarked;
