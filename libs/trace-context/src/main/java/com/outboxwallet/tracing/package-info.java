/** The W3C trace context as the three services pass it along a top-up's path. */
@NullMarked
package com.outboxwallet.tracing;

import org.jspecify.annotations.NullMarked;
