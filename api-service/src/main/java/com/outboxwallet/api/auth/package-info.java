/** Authentication: credentials checked against the users table (verified ones cached briefly), roles, revocations. */
@NullMarked
package com.outboxwallet.api.auth;

import org.jspecify.annotations.NullMarked;
