package com.outboxwallet.api.auth;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The newest credentials version this instance has heard of, for each user whose password or access changed since it
 * started. A principal loaded before such a change is no longer current: the verified-credentials cache verifies the
 * password again (against the database, which refuses a disabled user or an old password) and a form session ends.
 * Every instance hears of a change by polling the users table ({@code CredentialChangeFeed}); the instance that made
 * the change hears of it at once.
 */
public final class CredentialRevocations {

    private final Map<UUID, Long> newest = new ConcurrentHashMap<>();

    public void changed(UUID userId, long credentialsVersion) {
        newest.merge(userId, credentialsVersion, Math::max);
    }

    /** @return false for a {@link WalletUser} loaded before its password or access last changed */
    public boolean isCurrent(@Nullable Object principal) {
        if (!(principal instanceof WalletUser user)) {
            return true;
        }
        Long known = newest.get(user.id());
        return known == null || user.credentialsVersion() >= known;
    }
}
