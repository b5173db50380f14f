package com.outboxwallet.relay.polling;

import com.outboxwallet.relay.RelayProperties;
import com.outboxwallet.relay.outbox.OutboxRow;
import com.outboxwallet.relay.outbox.OutboxStore;
import com.outboxwallet.relay.publishing.BatchSender;
import com.outboxwallet.relay.publishing.FencedBatches;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Publishes one batch per transaction: take the publishing turn, claim rows, send them, wait until the broker
 * acknowledged every one, then mark them published and commit. If anything fails the transaction rolls back and the
 * rows stay unpublished for the next attempt: delivery is at least once, never at most once.
 */
@Component
public class PollingPublisher {

    private final FencedBatches fenced;
    private final OutboxStore outbox;
    private final BatchSender sender;
    private final RelayProperties properties;

    PollingPublisher(FencedBatches fenced, OutboxStore outbox, BatchSender sender, RelayProperties properties) {
        this.fenced = fenced;
        this.outbox = outbox;
        this.sender = sender;
        this.properties = properties;
    }

    /** @return how many rows were published; 0 also when another batch was being published at the same moment */
    public int publishBatch() {
        return fenced.ifTurnFree(
                () -> {
                    List<OutboxRow> batch =
                            outbox.claimUnpublished(properties.polling().batchSize());
                    sender.sendAndMarkPublished(batch);
                    return batch.size();
                },
                0);
    }
}
