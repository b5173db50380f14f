package com.outboxwallet.api.ratelimit.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a handler whose request makes an idempotency claim: its user's permit is taken in the claim's own script (one
 * round trip to Redis for both), or as the request ends if it never got that far. Either way it counts.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CountedAtIdempotencyClaim {}
