/** Wallets: their balance, currency and limits. */
@NullMarked
package com.outboxwallet.api.wallet;

import org.jspecify.annotations.NullMarked;
