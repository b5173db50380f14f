package com.outboxwallet.relay.cdc;

import com.outboxwallet.relay.outbox.OutboxRow;
import com.outboxwallet.relay.outbox.OutboxStore;
import com.outboxwallet.relay.publishing.BatchSender;
import com.outboxwallet.relay.publishing.FencedBatches;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;
import org.springframework.stereotype.Component;

/**
 * Publishes the outbox rows that logical replication reports as committed, in commit (WAL) order, which within a
 * wallet is sequence order because the api-service's row lock commits one wallet's top-ups one at a time.
 *
 * <p>Each change batch is published in one transaction under the publishing turn: first any older row still
 * unpublished (rows committed before the slot existed, or left by another mode), then the batch's rows that are still
 * unpublished, each marked published once Kafka acknowledged it. Only then is the batch marked processed, so
 * Debezium's offset — and the slot's confirmed position — never pass an event Kafka does not have. A crash replays
 * from the last offset, and rows already marked are not sent again.
 */
@Component
class CdcPublisher {

    private static final int CATCH_UP_BATCH = 500;

    private final FencedBatches fenced;
    private final OutboxStore outbox;
    private final BatchSender sender;

    CdcPublisher(FencedBatches fenced, OutboxStore outbox, BatchSender sender) {
        this.fenced = fenced;
        this.outbox = outbox;
        this.sender = sender;
    }

    void handleBatch(
            List<RecordChangeEvent<SourceRecord>> changes,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<OutboxRow> inserted = changes.stream()
                .map(change -> OutboxChanges.insertedRow(change.record()))
                .flatMap(Optional::stream)
                .toList();
        if (!inserted.isEmpty()) {
            publish(inserted);
        }
        for (RecordChangeEvent<SourceRecord> change : changes) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
    }

    /** Publishes every row still unpublished; also the start-up sweep, with an empty batch. */
    void publish(List<OutboxRow> inserted) {
        fenced.inTurn(() -> {
            long firstId = inserted.isEmpty()
                    ? Long.MAX_VALUE
                    : inserted.stream().mapToLong(OutboxRow::id).min().orElseThrow();
            catchUpBefore(firstId);
            if (!inserted.isEmpty()) {
                Set<Long> stillUnpublished = new HashSet<>(outbox.lockUnpublished(
                        inserted.stream().map(OutboxRow::id).toList()));
                sender.sendAndMarkPublished(inserted.stream()
                        .filter(row -> stillUnpublished.contains(row.id()))
                        .toList());
            }
            return null;
        });
    }

    private void catchUpBefore(long id) {
        List<OutboxRow> older;
        do {
            older = outbox.claimUnpublishedBefore(id, CATCH_UP_BATCH);
            sender.sendAndMarkPublished(older);
        } while (older.size() == CATCH_UP_BATCH);
    }
}
