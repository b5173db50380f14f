package com.outboxwallet.relay.publishing;

import com.outboxwallet.relay.kafka.CloudEventRecords;
import com.outboxwallet.relay.metrics.RelayMetrics;
import com.outboxwallet.relay.outbox.OutboxRow;
import com.outboxwallet.relay.outbox.OutboxStore;
import io.micrometer.tracing.Span;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a batch of outbox rows and returns only once the broker acknowledged every one of them ({@code acks=all},
 * idempotent producer). Rows go out in the order given through one producer, so one wallet's events reach its
 * partition in order.
 */
@Component
public class BatchSender {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, byte[]> kafka;
    private final CloudEventRecords records;
    private final RelayMetrics metrics;
    private final OutboxStore outbox;
    private final PublishTraces traces;

    BatchSender(
            KafkaTemplate<String, byte[]> kafka,
            CloudEventRecords records,
            RelayMetrics metrics,
            OutboxStore outbox,
            PublishTraces traces) {
        this.traces = traces;
        this.kafka = kafka;
        this.records = records;
        this.metrics = metrics;
        this.outbox = outbox;
    }

    /**
     * Sends the rows, waits for every acknowledgement, then marks them published, in the caller's transaction: the
     * one step every publishing path shares. Nothing is marked unless Kafka has it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendAndMarkPublished(List<OutboxRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        sendAndAwaitAcks(batch);
        outbox.markPublished(batch.stream().map(OutboxRow::id).toList());
    }

    /** @throws PublishFailed when any record was not acknowledged; some may have been, so callers re-send all */
    public void sendAndAwaitAcks(List<OutboxRow> batch) {
        try {
            // send() itself throws when the producer cannot even queue the record (no metadata within max.block.ms)
            CompletableFuture<?>[] acks = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(acks).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            metrics.publishFailed();
            throw new PublishFailed("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            metrics.publishFailed();
            throw new PublishFailed("Kafka did not acknowledge the batch", e);
        }
        metrics.published(batch);
    }

    private CompletableFuture<?> send(OutboxRow row) {
        Span publish = traces.startPublish(row);
        return kafka.send(records.toRecord(row, traces.traceparentOf(publish, row)))
                .whenComplete((sent, failure) -> traces.ended(publish, failure));
    }
}
