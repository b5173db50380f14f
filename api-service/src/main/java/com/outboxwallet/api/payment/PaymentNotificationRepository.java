package com.outboxwallet.api.payment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The provider's notifications, recorded once each (the unique dedupe key) before they are applied. */
@Repository
class PaymentNotificationRepository {

    /** A notification recorded and not yet applied. */
    record Unapplied(long id, ProviderReport report) {}

    private static final RowMapper<Unapplied> UNAPPLIED = (rs, n) -> new Unapplied(
            rs.getLong("id"),
            new ProviderReport(
                    rs.getString("order_id"),
                    rs.getString("transaction_id"),
                    ProviderOutcome.valueOf(rs.getString("outcome")),
                    rs.getString("provider_status"),
                    rs.getBigDecimal("amount"),
                    rs.getString("currency"),
                    rs.getString("dedupe_key"),
                    rs.getBigDecimal("reversed_amount")));

    private final JdbcClient jdbc;

    PaymentNotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return its id; empty when the same news was recorded before */
    Optional<Long> record(String provider, ProviderReport report, byte[] body, Instant at) {
        return jdbc.sql("""
                        INSERT INTO payment_notifications (provider, dedupe_key, order_id, transaction_id,
                            provider_status, outcome, amount, currency, reversed_amount, body, received_at)
                        VALUES (:provider, :dedupeKey, :orderId, :transactionId, :status, :outcome, :amount,
                            :currency, :reversed, :body, :at)
                        ON CONFLICT ON CONSTRAINT payment_notifications_uq DO NOTHING
                        RETURNING id""")
                .param("provider", provider)
                .param("dedupeKey", report.dedupeKey())
                .param("orderId", report.orderId())
                .param("transactionId", report.transactionId())
                .param("status", report.providerStatus())
                .param("outcome", report.outcome().name())
                .param("amount", report.amount())
                .param("currency", report.currency())
                .param("reversed", report.reversedAmount())
                // Kept as received, for whoever has to find out later what the provider said.
                .param("body", new String(body, StandardCharsets.UTF_8))
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query(Long.class)
                .optional();
    }

    void applied(long id, PaymentReports.Result result, Instant at) {
        jdbc.sql("UPDATE payment_notifications SET processed_at = :at, result = :result"
                        + " WHERE id = :id AND processed_at IS NULL")
                .param("id", id)
                .param("result", result.name())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    /** The oldest notifications recorded before {@code before} and not applied yet. */
    List<Unapplied> unapplied(String provider, Instant before, int limit) {
        return jdbc.sql("SELECT id, order_id, transaction_id, outcome, provider_status, amount, currency, dedupe_key,"
                        + " reversed_amount"
                        + " FROM payment_notifications WHERE processed_at IS NULL AND provider = :provider"
                        + " AND received_at < :before ORDER BY id LIMIT :limit")
                .param("provider", provider)
                .param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                .param("limit", limit)
                .query(UNAPPLIED)
                .list();
    }
}
