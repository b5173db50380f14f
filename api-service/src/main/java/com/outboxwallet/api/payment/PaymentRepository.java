package com.outboxwallet.api.payment;

import com.outboxwallet.api.topup.FundedTopUps;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The payments table. A payment's state moves only by an UPDATE whose WHERE names the states it may move from, so
 * two paths racing over one payment (a notification and a poll, two deliveries of one notification) move it once:
 * the loser updates no row and knows it.
 */
@Repository
public class PaymentRepository {

    private static final String COLUMNS = """
            p.id, p.user_id, p.wallet_id, p.idempotency_key, p.request_fingerprint, p.amount, p.currency, p.method,
            p.provider, p.provider_order_id, p.provider_transaction_id, p.state, p.bank, p.virtual_account, p.qr_string,
            p.expires_at, p.settled_amount, p.paid_late, p.held_reason, t.id AS top_up_id, p.created_at, p.updated_at""";
    private static final String FROM = " FROM payments p LEFT JOIN top_ups t ON t.payment_id = p.id";
    private static final String OPEN = "('REQUESTED', 'PENDING')";
    /** Settled at the provider is money that arrived: even a payment the wallet expired or failed takes it. */
    private static final String SETTLEABLE = "('REQUESTED', 'PENDING', 'EXPIRED', 'FAILED')";

    private static final RowMapper<Payment> PAYMENT = (rs, n) -> {
        String bank = rs.getString("bank");
        String account = rs.getString("virtual_account");
        String qr = rs.getString("qr_string");
        return new Payment(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("wallet_id", UUID.class),
                rs.getString("idempotency_key"),
                rs.getString("request_fingerprint"),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                PaymentMethod.valueOf(rs.getString("method")),
                rs.getString("provider"),
                rs.getString("provider_order_id"),
                rs.getString("provider_transaction_id"),
                PaymentState.valueOf(rs.getString("state")),
                account == null && qr == null ? null : new Instructions(bank, account, qr),
                instant(rs.getObject("expires_at", OffsetDateTime.class)),
                rs.getBigDecimal("settled_amount"),
                rs.getBoolean("paid_late"),
                rs.getString("held_reason"),
                rs.getObject("top_up_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    };

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a new payment, unless its user already used its key: the insert comes first, and the constraint answers
     * whether it was new (never a look-up before it).
     *
     * @return whether it was recorded
     */
    boolean insertUnlessKeyUsed(Payment payment) {
        return jdbc.sql("""
                        INSERT INTO payments (id, user_id, wallet_id, idempotency_key, request_fingerprint, amount,
                            currency, method, provider, provider_order_id, state, created_at, updated_at)
                        VALUES (:id, :userId, :walletId, :key, :fingerprint, :amount, :currency, :method, :provider,
                            :orderId, 'REQUESTED', :at, :at)
                        ON CONFLICT ON CONSTRAINT payments_user_key_uq DO NOTHING""")
                        .param("id", payment.id())
                        .param("userId", payment.userId())
                        .param("walletId", payment.walletId())
                        .param("key", payment.idempotencyKey())
                        .param("fingerprint", payment.requestFingerprint())
                        .param("amount", payment.amount())
                        .param("currency", payment.currency())
                        .param("method", payment.method().name())
                        .param("provider", payment.provider())
                        .param("orderId", payment.providerOrderId())
                        .param("at", utc(payment.createdAt()))
                        .update()
                == 1;
    }

    Optional<Payment> findByUserAndKey(UUID userId, String key) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE p.user_id = :userId AND p.idempotency_key = :key")
                .param("userId", userId)
                .param("key", key)
                .query(PAYMENT)
                .optional();
    }

    Optional<Payment> findByIdAndUser(UUID id, UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE p.id = :id AND p.user_id = :userId")
                .param("id", id)
                .param("userId", userId)
                .query(PAYMENT)
                .optional();
    }

    Optional<Payment> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE p.id = :id")
                .param("id", id)
                .query(PAYMENT)
                .optional();
    }

    Optional<Payment> findByOrder(String provider, String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE p.provider = :provider AND p.provider_order_id = :orderId")
                .param("provider", provider)
                .param("orderId", orderId)
                .query(PAYMENT)
                .optional();
    }

    List<Payment> findPageByUser(UUID userId, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE p.user_id = :userId"
                        + " ORDER BY p.created_at DESC, p.id LIMIT :size OFFSET :offset")
                .param("userId", userId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(PAYMENT)
                .list();
    }

    long countByUser(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM payments WHERE user_id = :userId")
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    /**
     * The open payments whose news is late: opened more than {@code firstCheckBefore} ago and not asked about since
     * {@code recheckBefore}, or past their expiry and not asked about since; the longest unasked first.
     */
    List<Payment> dueForCheck(Instant now, Instant firstCheckBefore, Instant recheckBefore, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE p.state IN " + OPEN
                        + " AND ((p.created_at < :firstCheckBefore"
                        + "       AND (p.checked_at IS NULL OR p.checked_at < :recheckBefore))"
                        + "   OR (p.expires_at < :now AND (p.checked_at IS NULL OR p.checked_at < p.expires_at)))"
                        + " ORDER BY COALESCE(p.checked_at, p.created_at) LIMIT :limit")
                .param("now", utc(now))
                .param("firstCheckBefore", utc(firstCheckBefore))
                .param("recheckBefore", utc(recheckBefore))
                .param("limit", limit)
                .query(PAYMENT)
                .list();
    }

    /**
     * The settled payments still watched for a refund or a chargeback whose notification may be lost, settled or last
     * asked about before {@code watchedBefore}; the longest unasked first.
     */
    List<Payment> settledDueForCheck(Instant watchedBefore, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE p.state = 'SETTLED' AND p.watched_at < :watchedBefore"
                        + " ORDER BY p.watched_at LIMIT :limit")
                .param("watchedBefore", utc(watchedBefore))
                .param("limit", limit)
                .query(PAYMENT)
                .list();
    }

    /** A settled payment asked about at {@code at}; watched no more when {@code stillWatched} is false. */
    void markWatched(UUID id, Instant at, boolean stillWatched) {
        jdbc.sql("UPDATE payments SET watched_at = CASE WHEN :stillWatched THEN CAST(:at AS timestamptz) END"
                        + " WHERE id = :id AND state = 'SETTLED'")
                .param("id", id)
                .param("at", utc(at))
                .param("stillWatched", stillWatched)
                .update();
    }

    void markChecked(UUID id, Instant at) {
        jdbc.sql("UPDATE payments SET checked_at = :at WHERE id = :id")
                .param("id", id)
                .param("at", utc(at))
                .update();
    }

    /** Keeps how to pay, as the provider answered; the state is {@link #markPending}'s to move. */
    void opened(UUID id, OpenedPayment opened, Instant at) {
        Instructions how = opened.instructions();
        jdbc.sql("""
                        UPDATE payments SET
                            provider_transaction_id = COALESCE(provider_transaction_id, :transactionId),
                            bank = :bank, virtual_account = :account, qr_string = :qr, expires_at = :expiresAt,
                            updated_at = :at
                        WHERE id = :id""")
                .param("id", id)
                .param("transactionId", opened.report().transactionId())
                .param("bank", how.bank())
                .param("account", how.virtualAccount())
                .param("qr", how.qrString())
                .param("expiresAt", opened.expiresAt() == null ? null : utc(opened.expiresAt()))
                .param("at", utc(at))
                .update();
    }

    /** @return whether it moved: REQUESTED to PENDING */
    boolean markPending(UUID id, @Nullable String transactionId, Instant at) {
        return jdbc.sql("""
                        UPDATE payments SET state = 'PENDING',
                            provider_transaction_id = COALESCE(provider_transaction_id, :transactionId),
                            updated_at = :at
                        WHERE id = :id AND state = 'REQUESTED'""")
                        .param("id", id)
                        .param("transactionId", transactionId)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    /**
     * Moves the payment to SETTLED, flagged as paid late when the wallet had expired or failed it. The caller credits
     * the wallet in the same transaction.
     *
     * @return whether it moved; false when it was settled, reversed or held already
     */
    boolean settle(UUID id, @Nullable String transactionId, BigDecimal settled, Instant at) {
        return jdbc.sql("UPDATE payments SET state = 'SETTLED', settled_amount = :settled,"
                                + " provider_transaction_id = COALESCE(provider_transaction_id, :transactionId),"
                                + " paid_late = state IN ('EXPIRED', 'FAILED'), updated_at = :at, watched_at = :at"
                                + " WHERE id = :id AND state IN " + SETTLEABLE)
                        .param("id", id)
                        .param("settled", settled)
                        .param("transactionId", transactionId)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    /**
     * Holds a payment the provider settled but the wallet cannot credit as it is, for an operator.
     *
     * @return whether it moved; false when it was settled, reversed or held already
     */
    boolean hold(UUID id, @Nullable String transactionId, BigDecimal settled, String reason, Instant at) {
        return jdbc.sql("UPDATE payments SET state = 'HELD', settled_amount = :settled, held_reason = :reason,"
                                + " provider_transaction_id = COALESCE(provider_transaction_id, :transactionId),"
                                + " updated_at = :at WHERE id = :id AND state IN " + SETTLEABLE)
                        .param("id", id)
                        .param("settled", settled)
                        .param("reason", reason)
                        .param("transactionId", transactionId)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    /**
     * Closes a payment that was never paid: EXPIRED or FAILED, from REQUESTED or PENDING only, so that news arriving
     * after a settlement (an {@code expire} late, out of order) never undoes it.
     *
     * @return whether it moved
     */
    boolean close(UUID id, PaymentState to, @Nullable String transactionId, Instant at) {
        if (to != PaymentState.EXPIRED && to != PaymentState.FAILED) {
            throw new IllegalArgumentException("a payment closes as EXPIRED or FAILED, not " + to);
        }
        return jdbc.sql("UPDATE payments SET state = :to,"
                                + " provider_transaction_id = COALESCE(provider_transaction_id, :transactionId),"
                                + " updated_at = :at WHERE id = :id AND state IN " + OPEN)
                        .param("id", id)
                        .param("to", to.name())
                        .param("transactionId", transactionId)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    /**
     * Moves a settled payment to REVERSED; the caller compensates the credit in the same transaction.
     *
     * @return whether it moved; false when it was not settled (reversed already, or never credited)
     */
    boolean reverseSettled(UUID id, Instant at) {
        return jdbc.sql("UPDATE payments SET state = 'REVERSED', updated_at = :at WHERE id = :id AND state = 'SETTLED'")
                        .param("id", id)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    /** Records a credit's compensation: what was taken back, what was given back, and so what is owed. */
    void recordReversal(
            UUID paymentId,
            FundedTopUps.Compensation compensation,
            String providerStatus,
            BigDecimal amount,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO payment_reversals (id, payment_id, top_up_id, wallet_id, provider_status, amount,
                            debited, balance_after, wallet_version, created_at)
                        VALUES (:id, :payment, :topUp, :wallet, :status, :amount, :debited, :balance, :version, :at)""")
                .param("id", compensation.id())
                .param("payment", paymentId)
                .param("topUp", compensation.topUpId())
                .param("wallet", compensation.walletId())
                .param("status", providerStatus)
                .param("amount", amount)
                .param("debited", compensation.debited())
                .param("balance", compensation.balanceAfter())
                .param("version", compensation.version())
                .param("at", utc(at))
                .update();
    }

    /**
     * A payment the provider reversed before the wallet credited it: it ends REVERSED with nothing to compensate, and
     * a settlement that arrives after it (out of order) finds nothing to settle.
     *
     * @return whether it moved; false when it was settled (the caller compensates) or reversed already
     */
    boolean reverseUncredited(UUID id, @Nullable String transactionId, Instant at) {
        return jdbc.sql("UPDATE payments SET state = 'REVERSED',"
                                + " provider_transaction_id = COALESCE(provider_transaction_id, :transactionId),"
                                + " updated_at = :at WHERE id = :id AND state IN ('REQUESTED', 'PENDING', 'EXPIRED', 'FAILED',"
                                + " 'HELD')")
                        .param("id", id)
                        .param("transactionId", transactionId)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    /** The open and held payments, and the open ones past their expiry before {@code overdueBefore}. */
    record Counts(long requested, long pending, long held, long overdue) {}

    Counts counts(Instant overdueBefore) {
        return jdbc.sql("SELECT count(*) FILTER (WHERE state = 'REQUESTED') AS requested,"
                        + " count(*) FILTER (WHERE state = 'PENDING') AS pending,"
                        + " count(*) FILTER (WHERE state = 'HELD') AS held,"
                        + " count(*) FILTER (WHERE state IN ('REQUESTED', 'PENDING') AND expires_at < :before)"
                        + " AS overdue FROM payments WHERE state IN ('REQUESTED', 'PENDING', 'HELD')")
                .param("before", utc(overdueBefore))
                .query((rs, n) -> new Counts(
                        rs.getLong("requested"), rs.getLong("pending"), rs.getLong("held"), rs.getLong("overdue")))
                .single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
