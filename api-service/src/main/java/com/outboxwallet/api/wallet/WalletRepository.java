package com.outboxwallet.api.wallet;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class WalletRepository {

    private static final RowMapper<Wallet> WALLET = (rs, n) -> new Wallet(
            rs.getObject("id", UUID.class),
            rs.getObject("user_id", UUID.class),
            rs.getBigDecimal("balance"),
            rs.getString("currency"),
            rs.getLong("version"));

    private final JdbcClient jdbc;
    private final WalletProperties properties;

    WalletRepository(JdbcClient jdbc, WalletProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Opens the user's one wallet, empty, in the configured currency. */
    public Wallet open(UUID userId) {
        return jdbc.sql("""
                        INSERT INTO wallets (id, user_id, currency) VALUES (:id, :userId, :currency)
                        RETURNING id, user_id, balance, currency, version""")
                .param("id", UUID.randomUUID())
                .param("userId", userId)
                .param("currency", properties.currency())
                .query(WALLET)
                .single();
    }

    public Optional<Wallet> findByUserId(UUID userId) {
        return jdbc.sql("SELECT id, user_id, balance, currency, version FROM wallets WHERE user_id = :userId")
                .param("userId", userId)
                .query(WALLET)
                .optional();
    }

    /**
     * Raises the balance in one statement, only while the result stays within the ceiling ({@link BalanceCeiling}'s
     * rule, said in SQL). The row lock the UPDATE
     * takes orders concurrent top-ups of one wallet, and PostgreSQL re-checks the condition on the newest row version
     * after waiting, so no update is lost and every version is used exactly once.
     *
     * @return the wallet after the change; empty when there is no wallet or the ceiling would be passed
     */
    public Optional<Wallet> creditWithin(UUID userId, BigDecimal amount, BalanceCeiling ceiling, Instant at) {
        return jdbc.sql("""
                        UPDATE wallets
                           SET balance = balance + :amount, version = version + 1, updated_at = :at
                         WHERE user_id = :userId AND balance + :amount <= :ceiling
                        RETURNING id, user_id, balance, currency, version""")
                .param("amount", amount)
                .param("ceiling", ceiling.limit())
                .param("at", utc(at))
                .param("userId", userId)
                .query(WALLET)
                .optional();
    }

    /** Reads the wallet and locks its row until the transaction ends. */
    public Optional<Wallet> findByUserIdForUpdate(UUID userId) {
        return jdbc.sql(
                        "SELECT id, user_id, balance, currency, version FROM wallets WHERE user_id = :userId FOR UPDATE")
                .param("userId", userId)
                .query(WALLET)
                .optional();
    }

    /**
     * Writes a balance computed from {@code read}, only if the wallet is still at {@code read}'s version.
     *
     * @return the wallet after the write; empty when another transaction changed it first
     */
    public Optional<Wallet> writeIfUnchanged(Wallet read, BigDecimal newBalance, Instant at) {
        return jdbc.sql("""
                        UPDATE wallets
                           SET balance = :balance, version = version + 1, updated_at = :at
                         WHERE id = :id AND version = :version
                        RETURNING id, user_id, balance, currency, version""")
                .param("balance", newBalance)
                .param("at", utc(at))
                .param("id", read.id())
                .param("version", read.version())
                .query(WALLET)
                .optional();
    }

    /**
     * Moves a wallet locked with {@link #findByUserIdForUpdate} on by several top-ups at once: to their final balance
     * and to the version of the last of them.
     *
     * @throws IllegalStateException when the wallet is not at {@code locked}'s version, which under its row lock is a
     *                               bug
     */
    public void advance(Wallet locked, BigDecimal balance, long version, Instant at) {
        int updated = jdbc.sql("""
                        UPDATE wallets SET balance = :balance, version = :version, updated_at = :at
                         WHERE id = :id AND version = :read""")
                .param("balance", balance)
                .param("version", version)
                .param("at", utc(at))
                .param("id", locked.id())
                .param("read", locked.version())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("wallet " + locked.id() + " changed under its row lock");
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
