/** Login throttling: login attempts counted in Redis before their password is checked
 * ({@link com.outboxwallet.loginguard.LoginThrottle} says the policy). */
@NullMarked
package com.outboxwallet.api.auth.throttle;

import org.jspecify.annotations.NullMarked;
