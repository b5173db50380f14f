package com.outboxwallet.relay.polling;

import com.outboxwallet.relay.RelayProperties;
import com.outboxwallet.relay.outbox.OutboxRow;
import com.outboxwallet.relay.outbox.OutboxStore;
import com.outboxwallet.relay.publishing.BatchSender;
import com.outboxwallet.relay.publishing.PublishingTurn;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Publishes one batch per transaction: take the publishing turn, claim rows, send them, wait until the broker
 * acknowledged every one, then mark them published and commit. If anything fails the transaction rolls back and the
 * rows stay unpublished for the next attempt: delivery is at least once, never at most once.
 */
@Component
public class PollingPublisher {

    private final TransactionTemplate transactions;
    private final OutboxStore outbox;
    private final PublishingTurn turn;
    private final BatchSender sender;
    private final RelayProperties properties;

    PollingPublisher(TransactionTemplate transactions, OutboxStore outbox, PublishingTurn turn, BatchSender sender,
                     RelayProperties properties) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.turn = turn;
        this.sender = sender;
        this.properties = properties;
    }

    /** @return how many rows were published; 0 also when another batch was being published at the same moment */
    public int publishBatch() {
        Integer published = transactions.execute(status -> {
            if (!turn.tryTake()) {
                return 0;
            }
            List<OutboxRow> batch = outbox.claimUnpublished(properties.polling().batchSize());
            sender.sendAndMarkPublished(batch);
            return batch.size();
        });
        return published == null ? 0 : published;
    }
}
