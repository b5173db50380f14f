/** The payments' HTTP side: the user's API and the provider's webhook. */
@NullMarked
package com.outboxwallet.api.payment.web;

import org.jspecify.annotations.NullMarked;
