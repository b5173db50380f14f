package com.outboxwallet.api.account;

import com.outboxwallet.api.auth.Role;
import com.outboxwallet.api.wallet.Wallet;
import com.outboxwallet.api.wallet.WalletRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** Creates users, each with exactly one wallet in the configured currency. */
@Service
public class UserAccounts {

    private final UserAccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final WalletRepository wallets;

    UserAccounts(UserAccountRepository repository, PasswordEncoder passwordEncoder, WalletRepository wallets) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.wallets = wallets;
    }

    /** @throws UsernameTaken when the name is in use; nothing is written then */
    @Transactional
    public UserAccount create(String username, String rawPassword, Role role) {
        UUID userId = UUID.randomUUID();
        repository.insertUser(userId, username, passwordEncoder.encode(rawPassword), role);
        Wallet wallet = wallets.open(userId);
        return new UserAccount(userId, username, role, wallet.id(), wallet.currency());
    }

    /** For start-up provisioning: a user that already exists keeps its password. */
    public void createIfAbsent(String username, String rawPassword, Role role) {
        try {
            create(username, rawPassword, role);
        } catch (UsernameTaken alreadyThere) {
            // provisioned by an earlier start
        }
    }
}
