package com.outboxwallet.ledger.ledger;

import com.outboxwallet.events.TopUpAccepted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

@Repository
@Transactional(propagation = Propagation.MANDATORY)
class LedgerStore {

    /** The other side of every top-up: money received from the payment provider, owed to the wallet. */
    static final String TOP_UP_CLEARING_ACCOUNT = "clearing:top-ups";

    private final JdbcClient jdbc;

    LedgerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the event id was processed before */
    boolean claimEvent(ReceivedEvent envelope) {
        return jdbc.sql("""
                        INSERT INTO processed_events (event_id, event_type, topic, kafka_partition, kafka_offset)
                        VALUES (:id, :type, :topic, :partition, :offset)
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("id", envelope.eventId()).param("type", envelope.type()).param("topic", envelope.topic())
                .param("partition", envelope.partition()).param("offset", envelope.offset())
                .update() == 1;
    }

    /** @return false when this top-up is already in the audit log */
    boolean appendAuditLog(ReceivedEvent envelope, TopUpAccepted event) {
        return jdbc.sql("""
                        INSERT INTO audit_log (event_id, top_up_id, wallet_id, user_id, idempotency_key, amount,
                                               currency, message, occurred_at)
                        VALUES (:eventId, :topUpId, :walletId, :userId, :key, :amount, :currency, :message, :at)
                        ON CONFLICT DO NOTHING""")
                .param("eventId", envelope.eventId()).param("topUpId", event.topUpId())
                .param("walletId", event.walletId()).param("userId", event.userId())
                .param("key", envelope.idempotencyKey()).param("amount", event.amount())
                .param("currency", event.currency())
                .param("message", "Top up of " + event.amount().toPlainString() + " " + event.currency()
                        + " to wallet " + event.walletId() + "; balance " + event.balanceAfter().toPlainString())
                .param("at", at(event))
                .update() == 1;
    }

    void appendEntries(TopUpAccepted event) {
        String insert = """
                INSERT INTO ledger_entries (transaction_id, account, wallet_id, amount, currency, occurred_at)
                VALUES (:tx, :account, :walletId, :amount, :currency, :at)""";
        jdbc.sql(insert).param("tx", event.topUpId()).param("account", "wallet:" + event.walletId())
                .param("walletId", event.walletId()).param("amount", event.amount())
                .param("currency", event.currency()).param("at", at(event)).update();
        jdbc.sql(insert).param("tx", event.topUpId()).param("account", TOP_UP_CLEARING_ACCOUNT)
                .param("walletId", null).param("amount", event.amount().negate())
                .param("currency", event.currency()).param("at", at(event)).update();
    }

    /**
     * Creates the wallet's projection row if needed and locks it, so that one wallet's events are sequenced one at a
     * time even if two consumers briefly hold its partition during a rebalance.
     *
     * @return the highest sequence applied to the wallet so far, 0 if none
     */
    long lockProjection(TopUpAccepted event) {
        jdbc.sql("""
                        INSERT INTO wallet_balances (wallet_id, currency, balance, last_sequence, updated_at)
                        VALUES (:walletId, :currency, 0, 0, now())
                        ON CONFLICT (wallet_id) DO NOTHING""")
                .param("walletId", event.walletId()).param("currency", event.currency())
                .update();
        return jdbc.sql("SELECT last_sequence FROM wallet_balances WHERE wallet_id = :walletId FOR UPDATE")
                .param("walletId", event.walletId()).query(Long.class).single();
    }

    /**
     * Adds the amount to the wallet's projected balance. Order of arrival does not matter for a sum, and a late
     * event leaves the highest sequence where it is.
     */
    void project(TopUpAccepted event) {
        jdbc.sql("""
                        UPDATE wallet_balances
                           SET balance = balance + :amount,
                               last_sequence = GREATEST(last_sequence, :sequence),
                               updated_at = now()
                         WHERE wallet_id = :walletId""")
                .param("walletId", event.walletId()).param("amount", event.amount())
                .param("sequence", event.sequence())
                .update();
    }

    private static OffsetDateTime at(TopUpAccepted event) {
        return OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC);
    }
}
