/** The polling publisher: claims unpublished rows in order, sends them and marks them published. */
@NullMarked
package com.outboxwallet.relay.polling;

import org.jspecify.annotations.NullMarked;
