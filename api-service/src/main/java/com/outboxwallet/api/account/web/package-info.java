/** HTTP endpoints for administering users and for a user's own account. */
@NullMarked
package com.outboxwallet.api.account.web;

import org.jspecify.annotations.NullMarked;
