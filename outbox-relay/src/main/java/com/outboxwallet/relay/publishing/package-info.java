/** Publishing a batch under the fence that keeps one publisher at a time: send, then mark, in one transaction. */
@NullMarked
package com.outboxwallet.relay.publishing;

import org.jspecify.annotations.NullMarked;
