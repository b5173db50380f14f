package com.outboxwallet.bench;

import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.api.topup.Amount;
import com.outboxwallet.api.topup.TopUpCommand;
import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.events.WalletEventCodec;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling: the api-service's top-up transaction (the {@code atomic-update} strategy's conditional UPDATE of the
 * wallet, then the top-up row and the outbox row with the event's JSON in one statement; one commit) driven straight over JDBC by
 * {@code connections} threads against the same database, with nothing in front of it: no HTTP, no authentication, no
 * Redis, no pool. Its rows are real top-ups: the relay publishes them and the ledger applies them, as it does the
 * API's, so both run under the same background load. The statements are those of {@code WalletRepository},
 * {@code TopUpRepository} and {@code OutboxRepository}, written out here so that nothing of the service runs.
 */
final class JdbcCeiling {

    private static final BigDecimal CEILING = new BigDecimal("99999999.99");
    private static final String CREDIT = """
            UPDATE wallets
               SET balance = balance + ?, version = version + 1, updated_at = ?
             WHERE user_id = ? AND balance + ? <= ?
            RETURNING id, balance, currency, version""";
    /** The top-up and its outbox row in one statement, as {@code TopUpRepository} writes them. */
    private static final String TOP_UP_AND_EVENT = """
            WITH top_up AS (
                INSERT INTO top_ups (id, user_id, wallet_id, idempotency_key, request_fingerprint, amount, currency,
                                     balance_after, wallet_version, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING id)
            INSERT INTO outbox (event_id, aggregate_type, aggregate_id, event_type, payload, idempotency_key, sequence,
                                occurred_at, traceparent)
            SELECT ?, 'wallet', ?, ?, CAST(? AS jsonb), ?, ?, ?, NULL FROM top_up""";

    private final String jdbcUrl;
    private final BigDecimal amount;
    private final WalletEventCodec events = new WalletEventCodec();

    JdbcCeiling(String jdbcUrl, BigDecimal amount) {
        this.jdbcUrl = jdbcUrl;
        this.amount = amount;
    }

    /** Top-ups committed and their latencies, each thread on its own connection, as fast as it commits. */
    LoadPhase run(List<UUID> users, int connections, Duration length) throws Exception {
        AtomicLong next = new AtomicLong();
        return LoadPhase.flatOut(connections, length, (phase, deadline) -> {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                connection.setAutoCommit(false);
                while (LoadPhase.before(deadline)) {
                    UUID user = users.get((int) (next.getAndIncrement() % users.size()));
                    long sentAt = System.nanoTime();
                    phase.recordCommitted(topUp(connection, user), sentAt);
                }
            }
        });
    }

    private UUID topUp(Connection connection, UUID userId) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        IdempotencyKey key = new IdempotencyKey(UUID.randomUUID().toString());
        try (PreparedStatement credit = connection.prepareStatement(CREDIT);
                PreparedStatement topUp = connection.prepareStatement(TOP_UP_AND_EVENT)) {
            credit.setBigDecimal(1, amount);
            credit.setObject(2, at);
            credit.setObject(3, userId);
            credit.setBigDecimal(4, amount);
            credit.setBigDecimal(5, CEILING);
            UUID walletId;
            BigDecimal balance;
            String currency;
            long version;
            try (ResultSet wallet = credit.executeQuery()) {
                if (!wallet.next()) {
                    throw new IllegalStateException("no wallet for " + userId + ", or its ceiling is reached");
                }
                walletId = wallet.getObject("id", UUID.class);
                balance = wallet.getBigDecimal("balance");
                currency = wallet.getString("currency");
                version = wallet.getLong("version");
            }
            UUID id = UUID.randomUUID();
            topUp.setObject(1, id);
            topUp.setObject(2, userId);
            topUp.setObject(3, walletId);
            topUp.setString(4, key.value());
            topUp.setString(5, new TopUpCommand(userId, key, new Amount(amount)).fingerprint());
            topUp.setBigDecimal(6, amount);
            topUp.setString(7, currency);
            topUp.setBigDecimal(8, balance);
            topUp.setLong(9, version);
            topUp.setObject(10, at);
            topUp.setObject(11, UUID.randomUUID());
            topUp.setObject(12, walletId);
            topUp.setString(13, TopUpAccepted.TYPE);
            topUp.setString(
                    14,
                    events.toJson(new TopUpAccepted(id, walletId, userId, amount, currency, balance, version, now)));
            topUp.setString(15, key.value());
            topUp.setLong(16, version);
            topUp.setObject(17, at);
            topUp.executeUpdate();
            connection.commit();
            return id;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }
}
