/** The wallet's HTTP endpoint: a user's balance. */
@NullMarked
package com.outboxwallet.api.wallet.web;

import org.jspecify.annotations.NullMarked;
