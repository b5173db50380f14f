/** The operator console page (/console), server-rendered. */
@NullMarked
package com.outboxwallet.ledger.console.web;

import org.jspecify.annotations.NullMarked;
