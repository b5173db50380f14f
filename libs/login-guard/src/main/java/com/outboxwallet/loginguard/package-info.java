/**
 * What every service's login shares: {@link com.outboxwallet.loginguard.PasswordPolicy}, the secrets a service refuses
 * to start with ({@link com.outboxwallet.loginguard.StartupSecrets}), the {@link
 * com.outboxwallet.loginguard.LoginThrottle} and its {@link com.outboxwallet.loginguard.ThrottledVerifier}, and the
 * bounded pool bcrypt runs on ({@link com.outboxwallet.loginguard.PasswordChecks}).
 */
@NullMarked
package com.outboxwallet.loginguard;

import org.jspecify.annotations.NullMarked;
