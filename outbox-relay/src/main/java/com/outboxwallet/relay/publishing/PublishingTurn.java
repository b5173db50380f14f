package com.outboxwallet.relay.publishing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fence around every batch: a transaction-level advisory lock taken at the start of the batch's transaction and
 * held until it commits. Two batches never overlap, whichever instance, mode (polling, CDC) or operator command sends
 * them, so one wallet's events cannot overtake each other on the way to Kafka.
 */
@Component
public class PublishingTurn {

    static final int LOCK_NAMESPACE = 0x0B0C_5E1A;
    static final int PUBLISH_LOCK = 2;

    private final JdbcClient jdbc;

    PublishingTurn(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true when this transaction may publish; false when another batch is being published right now */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean tryTake() {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:namespace, :lock)")
                .param("namespace", LOCK_NAMESPACE).param("lock", PUBLISH_LOCK)
                .query(Boolean.class).single());
    }

    /** Waits for the turn: for operator commands, which must not be skipped. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void take() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:namespace, :lock)")
                .param("namespace", LOCK_NAMESPACE).param("lock", PUBLISH_LOCK)
                .query().singleRow();
    }
}
