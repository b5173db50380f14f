package com.outboxwallet.api.account;

import com.outboxwallet.api.auth.Role;
import com.outboxwallet.api.auth.WalletUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

@Repository
class UserAccountRepository {

    private final JdbcClient jdbc;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertUser(UUID id, String username, String passwordHash, Role role) {
        try {
            jdbc.sql("INSERT INTO users (id, username, password_hash, role) VALUES (:id, :username, :hash, :role)")
                    .param("id", id).param("username", username).param("hash", passwordHash).param("role", role.name())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new UsernameTaken(username);
        }
    }


    Optional<WalletUser> findByUsername(String username) {
        return jdbc.sql("SELECT id, username, password_hash, role FROM users WHERE username = :username")
                .param("username", username)
                .query((rs, n) -> new WalletUser(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("password_hash"), Role.valueOf(rs.getString("role"))))
                .optional();
    }
}
