package com.outboxwallet.api.account;

import com.outboxwallet.api.auth.CredentialRevocations;
import com.outboxwallet.api.auth.Role;
import com.outboxwallet.api.auth.WalletUser;
import com.outboxwallet.api.wallet.WalletRepository;
import com.outboxwallet.loginguard.PasswordPolicy;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users, each with exactly one wallet in the configured currency. Disabling an account or changing its password is
 * one statement that also bumps the account's credentials version: this instance refuses the old credentials at once,
 * every other one within its change feed's poll interval ({@link CredentialChangeFeed}).
 */
@Service
public class UserAccounts {

    private final UserAccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final WalletRepository wallets;
    private final CredentialRevocations revocations;

    UserAccounts(
            UserAccountRepository repository,
            PasswordEncoder passwordEncoder,
            WalletRepository wallets,
            CredentialRevocations revocations) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.wallets = wallets;
        this.revocations = revocations;
    }

    /**
     * The user and its wallet, in one transaction.
     *
     * @throws UsernameTaken   when the name is in use; nothing is written then
     * @throws InvalidPassword when the password breaks the {@link PasswordPolicy}; nothing is written then
     */
    @Transactional
    public UserAccount create(String username, String rawPassword, Role role) {
        InvalidPassword.check("password", rawPassword);
        UUID userId = UUID.randomUUID();
        if (!repository.insertUser(userId, username, hash(rawPassword), role)) {
            throw new UsernameTaken(username);
        }
        wallets.open(userId);
        return repository.findById(userId).orElseThrow();
    }

    /**
     * For start-up provisioning: a user that already exists keeps its password. The user and its wallet are written
     * in this one transaction (a start that dies between the two leaves neither, and the next start provisions both).
     */
    @Transactional
    public void createIfAbsent(String username, String rawPassword, Role role) {
        InvalidPassword.check("password", rawPassword);
        UUID userId = UUID.randomUUID();
        if (repository.insertUser(userId, username, hash(rawPassword), role)) {
            wallets.open(userId);
        }
    }

    /**
     * For the accounts whose password the environment holds (the bootstrap administrator, the metrics scraper):
     * created when absent, and given the environment's password when theirs differs, so that changing the variable and
     * restarting rotates it. Every instance's trust in the old password ends as after any other change.
     */
    @Transactional
    public void provision(String username, String rawPassword, Role role) {
        InvalidPassword.check("password", rawPassword);
        UUID userId = UUID.randomUUID();
        if (repository.insertUser(userId, username, hash(rawPassword), role)) {
            wallets.open(userId);
            return;
        }
        WalletUser existing = repository.findByUsername(username).orElseThrow();
        String current = existing.getPassword();
        if (current != null && !passwordEncoder.matches(rawPassword, current)) {
            // Expecting the hash just read: of two instances starting with the new password, one writes it.
            apply(existing.id(), repository.replacePasswordHash(existing.id(), current, hash(rawPassword)));
        }
    }

    public UserAccount find(UUID userId) {
        return repository.findById(userId).orElseThrow(() -> new UserNotFound(userId));
    }

    /** @param page from 0; users in the order of their names */
    public UserPage list(int page, int size) {
        return new UserPage(repository.page(Math.multiplyExact(page, size), size), page, size, repository.count());
    }

    /**
     * @param by the administrator asking: an administrator cannot lock themselves out
     * @return the account as it now is; disabling a disabled account changes nothing
     */
    public UserAccount setEnabled(UUID userId, boolean enabled, UUID by) {
        if (!enabled && userId.equals(by)) {
            throw new CannotDisableYourself();
        }
        apply(userId, repository.setEnabled(userId, enabled));
        return find(userId);
    }

    /** An administrator sets a new password; the old one stops working. */
    public void resetPassword(UUID userId, String newPassword) {
        InvalidPassword.check("password", newPassword);
        if (apply(userId, repository.setPasswordHash(userId, hash(newPassword))).isEmpty()) {
            throw new UserNotFound(userId);
        }
    }

    /**
     * A user changes their own password, proving they know the current one.
     *
     * @throws WrongCurrentPassword when {@code currentPassword} is not (or, after a concurrent change, no longer) it
     */
    public void changeOwnPassword(UUID userId, String currentPassword, String newPassword) {
        InvalidPassword.check("newPassword", newPassword);
        String hash = repository.passwordHashOf(userId).orElseThrow(() -> new UserNotFound(userId));
        if (currentPassword == null
                || PasswordPolicy.longerThanAnyPassword(currentPassword)
                || !passwordEncoder.matches(currentPassword, hash)) {
            throw new WrongCurrentPassword();
        }
        if (apply(userId, repository.replacePasswordHash(userId, hash, hash(newPassword)))
                .isEmpty()) {
            throw new WrongCurrentPassword();
        }
    }

    /** This instance stops trusting the old credentials now, not at its next poll. */
    private OptionalLong apply(UUID userId, OptionalLong newVersion) {
        newVersion.ifPresent(version -> revocations.changed(userId, version));
        return newVersion;
    }

    public record UserPage(List<UserAccount> users, int page, int size, long total) {}

    private String hash(String password) {
        // Only a null password encodes to null, and none reaches here.
        return Objects.requireNonNull(passwordEncoder.encode(password));
    }
}
