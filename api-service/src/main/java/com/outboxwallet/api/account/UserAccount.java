package com.outboxwallet.api.account;

import com.outboxwallet.api.auth.Role;
import java.util.UUID;

public record UserAccount(UUID id, String username, Role role, UUID walletId, String currency) {
}
