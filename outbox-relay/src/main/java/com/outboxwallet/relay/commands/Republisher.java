package com.outboxwallet.relay.commands;

import com.outboxwallet.relay.outbox.OutboxRow;
import com.outboxwallet.relay.outbox.OutboxStore;
import com.outboxwallet.relay.publishing.BatchSender;
import com.outboxwallet.relay.publishing.FencedBatches;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sends published outbox rows again, in id order: for when a topic was lost or a consumer must start over. Consumers
 * see duplicates of what they already had and drop them by {@code ce_id}. Each batch takes the publishing turn, so
 * re-published events never interleave with the live relay's.
 *
 * <p>Rows not yet published are left to the live relay, which sends and marks them through its fenced path. Sending
 * them here would leave them unmarked (to be sent again), and could send a wallet's sequence k+1 ahead of a k still
 * waiting. One wallet's published rows are a prefix of its sequence (its rows are written, and published, in order),
 * so what is sent here is in each wallet's order.
 */
@Component
public class Republisher {

    private static final int BATCH = 500;

    private final FencedBatches fenced;
    private final OutboxStore outbox;
    private final BatchSender sender;

    Republisher(FencedBatches fenced, OutboxStore outbox, BatchSender sender) {
        this.fenced = fenced;
        this.outbox = outbox;
        this.sender = sender;
    }

    /**
     * @param walletId   only this wallet's events; null for all
     * @param progress   told the running count after each batch
     * @return how many events were sent
     */
    public long republish(Instant from, Instant to, @Nullable UUID walletId, LongConsumer progress) {
        long sent = 0;
        long afterId = 0;
        while (true) {
            long cursor = afterId;
            List<OutboxRow> batch = fenced.inTurn(() -> {
                List<OutboxRow> rows = outbox.findPublished(from, to, walletId, cursor, BATCH);
                if (!rows.isEmpty()) {
                    sender.sendAndAwaitAcks(rows);
                }
                return rows;
            });
            if (batch.isEmpty()) {
                return sent;
            }
            sent += batch.size();
            afterId = batch.getLast().id();
            progress.accept(sent);
        }
    }

    public long count(Instant from, Instant to, @Nullable UUID walletId) {
        return outbox.countPublished(from, to, walletId);
    }
}
