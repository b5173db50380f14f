package com.outboxwallet.relay.polling;

import com.outboxwallet.relay.RelayProperties;
import com.outboxwallet.relay.kafka.CloudEventRecords;
import com.outboxwallet.relay.outbox.OutboxRow;
import com.outboxwallet.relay.outbox.OutboxStore;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes one batch per transaction: claim rows, send them, wait until the broker acknowledged every one
 * ({@code acks=all}, idempotent producer), then mark them published and commit. If anything fails the transaction
 * rolls back and the rows stay unpublished for the next attempt: delivery is at least once, never at most once.
 */
@Component
public class PollingPublisher {

    private final TransactionTemplate transactions;
    private final OutboxStore outbox;
    private final KafkaTemplate<String, byte[]> kafka;
    private final CloudEventRecords records;
    private final RelayProperties properties;

    PollingPublisher(TransactionTemplate transactions, OutboxStore outbox, KafkaTemplate<String, byte[]> kafka,
                     CloudEventRecords records, RelayProperties properties) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.kafka = kafka;
        this.records = records;
        this.properties = properties;
    }

    /** @return how many rows were published */
    public int publishBatch() {
        Integer published = transactions.execute(status -> {
            List<OutboxRow> batch = outbox.claimUnpublished(properties.polling().batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            // Sent in id order through one idempotent producer, so one wallet's events reach its partition in order.
            CompletableFuture<?>[] acks = batch.stream()
                    .map(row -> kafka.send(records.toRecord(row)))
                    .toArray(CompletableFuture[]::new);
            awaitAcknowledged(acks);
            outbox.markPublished(batch.stream().map(OutboxRow::id).toList());
            return batch.size();
        });
        return published == null ? 0 : published;
    }

    private static void awaitAcknowledged(CompletableFuture<?>[] acks) {
        try {
            CompletableFuture.allOf(acks).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailed("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailed("Kafka did not acknowledge the batch", e);
        }
    }
}
