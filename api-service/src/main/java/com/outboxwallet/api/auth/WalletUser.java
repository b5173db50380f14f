package com.outboxwallet.api.auth;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated caller. Every wallet operation is scoped by {@link #id()}; no request names a wallet.
 *
 * @param credentialsVersion grows with every change of the password or of {@code enabled}: a principal loaded before
 *                           the change is no longer current (see {@link CredentialRevocations})
 */
public record WalletUser(
        UUID id, String username, @Nullable String passwordHash, Role role, boolean enabled, long credentialsVersion)
        implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** What a session or a cache may keep: everything but the password hash. */
    public WalletUser withoutPassword() {
        return new WalletUser(id, username, null, role, enabled, credentialsVersion);
    }
}
