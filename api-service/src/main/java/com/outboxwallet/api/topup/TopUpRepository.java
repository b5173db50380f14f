package com.outboxwallet.api.topup;

import com.outboxwallet.api.outbox.OutboxRepository;
import com.outboxwallet.events.OutboxMessage;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TopUpRepository {

    private static final String IDEMPOTENCY_CONSTRAINT = "top_ups_user_key_uq";
    private static final String COLUMNS = """
            id, user_id, wallet_id, idempotency_key, request_fingerprint, amount, currency, balance_after,
            wallet_version, created_at, payment_id""";
    private static final RowMapper<TopUp> TOP_UP = (rs, n) -> new TopUp(
            rs.getObject("id", UUID.class),
            rs.getObject("user_id", UUID.class),
            rs.getObject("wallet_id", UUID.class),
            rs.getString("idempotency_key"),
            rs.getString("request_fingerprint"),
            rs.getBigDecimal("amount"),
            rs.getString("currency"),
            rs.getBigDecimal("balance_after"),
            rs.getLong("wallet_version"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getObject("payment_id", UUID.class));

    private final JdbcClient jdbc;

    TopUpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the top-up and the outbox row announcing it in one statement: one round trip, and the event exists
     * exactly when the top-up does.
     *
     * @throws DuplicateTopUpRequest when the user already used the key
     */
    void insert(TopUp topUp, OutboxMessage announced) {
        try {
            insertStatement(topUp, announced, "").update();
        } catch (DuplicateKeyException e) {
            if (violated(e, IDEMPOTENCY_CONSTRAINT)) {
                throw new DuplicateTopUpRequest();
            }
            throw e;
        }
    }

    /**
     * The same, leaving the transaction usable when the key was used: PostgreSQL skips the top-up (and so its event)
     * instead of failing the statement, and only for this constraint (any other violation still fails).
     *
     * @return whether they were written
     */
    boolean insertUnlessKeyUsed(TopUp topUp, OutboxMessage announced) {
        return insertStatement(topUp, announced, " ON CONFLICT ON CONSTRAINT " + IDEMPOTENCY_CONSTRAINT + " DO NOTHING")
                        .update()
                == 1;
    }

    private JdbcClient.StatementSpec insertStatement(TopUp topUp, OutboxMessage announced, String onConflict) {
        // The outbox row is selected from the inserted top-up: none when the top-up was skipped.
        JdbcClient.StatementSpec statement = jdbc.sql("WITH top_up AS (INSERT INTO top_ups (" + COLUMNS + ")"
                        + " VALUES (:id, :userId, :walletId, :key, :fingerprint, :amount, :currency, :balanceAfter,"
                        + " :walletVersion, :createdAt, :paymentId)" + onConflict + " RETURNING id)"
                        + " INSERT INTO outbox (" + OutboxRepository.COLUMNS + ") SELECT " + OutboxRepository.VALUES
                        + " FROM top_up")
                .param("id", topUp.id())
                .param("userId", topUp.userId())
                .param("walletId", topUp.walletId())
                .param("key", topUp.idempotencyKey())
                .param("fingerprint", topUp.requestFingerprint())
                .param("amount", topUp.amount())
                .param("currency", topUp.currency())
                .param("balanceAfter", topUp.balanceAfter())
                .param("walletVersion", topUp.walletVersion())
                .param("createdAt", OffsetDateTime.ofInstant(topUp.createdAt(), ZoneOffset.UTC))
                .param("paymentId", topUp.paymentId());
        return OutboxRepository.bind(statement, announced);
    }

    Optional<TopUp> findByUserAndKey(UUID userId, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM top_ups WHERE user_id = :userId AND idempotency_key = :key")
                .param("userId", userId)
                .param("key", key)
                .query(TOP_UP)
                .optional();
    }

    Optional<TopUp> findByPayment(UUID paymentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM top_ups WHERE payment_id = :paymentId")
                .param("paymentId", paymentId)
                .query(TOP_UP)
                .optional();
    }

    Optional<TopUp> findByIdAndUser(UUID id, UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM top_ups WHERE id = :id AND user_id = :userId")
                .param("id", id)
                .param("userId", userId)
                .query(TOP_UP)
                .optional();
    }

    List<TopUp> findPageByUser(UUID userId, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM top_ups WHERE user_id = :userId"
                        + " ORDER BY created_at DESC, id LIMIT :size OFFSET :offset")
                .param("userId", userId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(TOP_UP)
                .list();
    }

    long countByUser(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM top_ups WHERE user_id = :userId")
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    private static boolean violated(DuplicateKeyException e, String constraint) {
        return e.getMostSpecificCause() instanceof PSQLException psql
                && psql.getServerErrorMessage() != null
                && constraint.equals(psql.getServerErrorMessage().getConstraint());
    }
}
