package com.outboxwallet.api.wallet;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

@Repository
public class WalletRepository {

    private static final RowMapper<Wallet> WALLET = (rs, n) -> new Wallet(
            rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
            rs.getBigDecimal("balance"), rs.getString("currency"), rs.getLong("version"));

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
                .param("id", UUID.randomUUID()).param("userId", userId).param("currency", properties.currency())
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
     * Raises the balance in one atomic statement: the row lock it takes serialises concurrent top-ups of one wallet,
     * so no update is lost and every version is used exactly once.
     *
     * @return the wallet after the change, or empty when the user has no wallet
     */
    public Optional<Wallet> credit(UUID userId, BigDecimal amount, Instant at) {
        return jdbc.sql("""
                        UPDATE wallets
                           SET balance = balance + :amount, version = version + 1, updated_at = :at
                         WHERE user_id = :userId
                        RETURNING id, user_id, balance, currency, version""")
                .param("amount", amount)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("userId", userId)
                .query(WALLET)
                .optional();
    }
}
