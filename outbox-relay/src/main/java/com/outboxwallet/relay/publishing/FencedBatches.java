package com.outboxwallet.relay.publishing;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a batch is published, by every mode (polling, CDC) and operator command: in a transaction that first
 * takes the publishing turn, a transaction-level advisory lock held until the batch's rows are marked and committed.
 * Two batches never overlap, whichever instance sends them, so one wallet's events cannot overtake each other on
 * the way to Kafka. Inside, a batch reads its rows and hands them to {@link BatchSender}.
 */
@Component
public class FencedBatches {

    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    FencedBatches(TransactionTemplate transactions, JdbcClient jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** Runs {@code batch} in the turn, waiting for it: for work that must not be skipped (CDC, operator commands). */
    public <T> T inTurn(Supplier<T> batch) {
        return transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:namespace, :lock)")
                    .param("namespace", AdvisoryLocks.NAMESPACE)
                    .param("lock", AdvisoryLocks.PUBLISHING_TURN)
                    .query()
                    .singleRow();
            return batch.get();
        });
    }

    /**
     * Runs {@code batch} in the turn if no other batch holds it (polling: the holder publishes these rows anyway).
     *
     * @return the batch's result, or {@code busy} at once when another batch holds the turn
     */
    public <T> T ifTurnFree(Supplier<T> batch, T busy) {
        return transactions.execute(status -> {
            boolean taken = Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:namespace, :lock)")
                    .param("namespace", AdvisoryLocks.NAMESPACE)
                    .param("lock", AdvisoryLocks.PUBLISHING_TURN)
                    .query(Boolean.class)
                    .single());
            return taken ? batch.get() : busy;
        });
    }
}
