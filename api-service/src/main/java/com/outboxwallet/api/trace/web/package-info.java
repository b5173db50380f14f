/** Servlet filters that put the trace and the log context on each request and response. */
@NullMarked
package com.outboxwallet.api.trace.web;

import org.jspecify.annotations.NullMarked;
