package com.outboxwallet.api.account;

import com.outboxwallet.api.auth.Role;
import com.outboxwallet.api.auth.WalletUser;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The users table. Every change of a password or of {@code enabled} bumps {@code credentials_version} and stamps
 * {@code credentials_changed_at} in the same statement, so no change can escape {@link CredentialChangeFeed}.
 */
@Repository
class UserAccountRepository {

    private static final String CREDENTIALS_CHANGED =
            "credentials_version = credentials_version + 1, credentials_changed_at = now()";

    private static final String ACCOUNT_COLUMNS = """
            SELECT u.id, u.username, u.role, u.enabled, u.created_at, w.id AS wallet_id, w.currency
              FROM users u LEFT JOIN wallets w ON w.user_id = u.id""";

    private static final RowMapper<UserAccount> ACCOUNT = (rs, n) -> new UserAccount(
            rs.getObject("id", UUID.class),
            rs.getString("username"),
            Role.valueOf(rs.getString("role")),
            rs.getBoolean("enabled"),
            rs.getObject("wallet_id", UUID.class),
            rs.getString("currency"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant());

    private final JdbcClient jdbc;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return false when the name is taken: the users_username_uq constraint decides, and the statement does not
     * fail, so the caller's transaction stays usable (a failed statement would abort it in PostgreSQL)
     */
    boolean insertUser(UUID id, String username, String passwordHash, Role role) {
        return jdbc.sql("""
                        INSERT INTO users (id, username, password_hash, role) VALUES (:id, :username, :hash, :role)
                        ON CONFLICT ON CONSTRAINT users_username_uq DO NOTHING""")
                        .param("id", id)
                        .param("username", username)
                        .param("hash", passwordHash)
                        .param("role", role.name())
                        .update()
                == 1;
    }

    Optional<WalletUser> findByUsername(String username) {
        return jdbc.sql("""
                        SELECT id, username, password_hash, role, enabled, credentials_version
                          FROM users WHERE username = :username""")
                .param("username", username)
                .query((rs, n) -> new WalletUser(
                        rs.getObject("id", UUID.class),
                        rs.getString("username"),
                        rs.getString("password_hash"),
                        Role.valueOf(rs.getString("role")),
                        rs.getBoolean("enabled"),
                        rs.getLong("credentials_version")))
                .optional();
    }

    Optional<UserAccount> findById(UUID id) {
        return jdbc.sql(ACCOUNT_COLUMNS + " WHERE u.id = :id")
                .param("id", id)
                .query(ACCOUNT)
                .optional();
    }

    /** A page of users in the order of their names. */
    List<UserAccount> page(int offset, int limit) {
        return jdbc.sql(ACCOUNT_COLUMNS + " ORDER BY u.username OFFSET :offset LIMIT :limit")
                .param("offset", offset)
                .param("limit", limit)
                .query(ACCOUNT)
                .list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
    }

    Optional<String> passwordHashOf(UUID id) {
        return jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /** @return the new credentials version; empty when there is no such user or it already was so */
    OptionalLong setEnabled(UUID id, boolean enabled) {
        return newVersion(jdbc.sql("UPDATE users SET enabled = :enabled, " + CREDENTIALS_CHANGED
                        + " WHERE id = :id AND enabled <> :enabled RETURNING credentials_version")
                .param("id", id)
                .param("enabled", enabled));
    }

    /** @return the new credentials version; empty when there is no such user */
    OptionalLong setPasswordHash(UUID id, String newHash) {
        return newVersion(jdbc.sql("UPDATE users SET password_hash = :newHash, " + CREDENTIALS_CHANGED
                        + " WHERE id = :id RETURNING credentials_version")
                .param("id", id)
                .param("newHash", newHash));
    }

    /**
     * @param expectedHash the hash the change was decided on: of two concurrent changes of one password, the first
     *                     wins and the second changes nothing
     * @return the new credentials version; empty when there is no such user or its hash is no longer the expected
     */
    OptionalLong replacePasswordHash(UUID id, String expectedHash, String newHash) {
        return newVersion(jdbc.sql("UPDATE users SET password_hash = :newHash, " + CREDENTIALS_CHANGED
                        + " WHERE id = :id AND password_hash = :expectedHash RETURNING credentials_version")
                .param("id", id)
                .param("expectedHash", expectedHash)
                .param("newHash", newHash));
    }

    /** The database's clock: changes are found by its time, so no instance's clock matters. */
    Instant now() {
        return jdbc.sql("SELECT now()").query(OffsetDateTime.class).single().toInstant();
    }

    /** The users whose credentials changed after {@code since}, with their newest versions. */
    List<CredentialChange> credentialChangesSince(Instant since) {
        return jdbc.sql("SELECT id, credentials_version FROM users WHERE credentials_changed_at > :since")
                .param("since", since.atOffset(ZoneOffset.UTC))
                .query((rs, n) ->
                        new CredentialChange(rs.getObject("id", UUID.class), rs.getLong("credentials_version")))
                .list();
    }

    record CredentialChange(UUID userId, long credentialsVersion) {}

    private static OptionalLong newVersion(JdbcClient.StatementSpec update) {
        return update.query(Long.class).optional().map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }
}
