/** User accounts: provisioning, the bootstrap administrator, password policy, disabling and password changes. */
@NullMarked
package com.outboxwallet.api.account;

import org.jspecify.annotations.NullMarked;
