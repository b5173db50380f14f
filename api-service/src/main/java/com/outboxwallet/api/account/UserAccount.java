package com.outboxwallet.api.account;

import com.outboxwallet.api.auth.Role;
import java.time.Instant;
import java.util.UUID;

/** A user as an administrator sees it: never its password hash. */
public record UserAccount(
        UUID id, String username, Role role, boolean enabled, UUID walletId, String currency, Instant createdAt) {}
