/** The audit trail: who changed which account, and which logins were refused, on the logger {@code wallet.audit}. */
@NullMarked
package com.outboxwallet.api.audit;

import org.jspecify.annotations.NullMarked;
