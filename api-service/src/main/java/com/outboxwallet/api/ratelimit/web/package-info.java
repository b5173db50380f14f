/** The HTTP side of rate limiting: the interceptor on the API's endpoints and its 429 refusal. */
@NullMarked
package com.outboxwallet.api.ratelimit.web;

import org.jspecify.annotations.NullMarked;
