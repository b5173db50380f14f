package com.outboxwallet.ledger.consumer;

import com.outboxwallet.ledger.bookkeeping.LedgerRecorder.Outcome;
import com.outboxwallet.ledger.consumer.RecordBatches.AppliedRecord;
import com.outboxwallet.process.ConditionalOnServing;
import io.micrometer.tracing.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * At-least-once in, exactly-once in effect. Each poll's records are applied in one database transaction
 * ({@link RecordBatches}); records the ledger will not apply are then set aside on the dead-letter topic and
 * acknowledged by the broker; only after both is the batch's offset committed. A crash anywhere before that
 * redelivers the batch, which the processed_events key turns into duplicates; a duplicate is a success and is
 * acknowledged like one. Concurrency is safe across rebalances for the same reason: a partition that moves mid-batch
 * is redelivered from its last committed offset and the new owner finds its events already applied.
 *
 * <p>A record never stops this listener: every record of the batch ends applied, a duplicate, skipped or set aside.
 * What fails the batch is a failure of the infrastructure (the ledger's database, the dead-letter topic), and it is
 * waited out here without holding the consumer: its partitions are sought back to the batch's first records and
 * paused for the back-off ({@link ApplyRetries}), and the listener returns, so the consumer keeps polling, heartbeating
 * and taking part in rebalances while it waits; when the pause ends the same records come again. Nothing is
 * committed meanwhile, and nothing is skipped. (Spring Kafka's own batch retry would loop inside this call instead,
 * and a consumer that does not get back to its poll loop holds up every rebalance of the group.)
 */
@Component
@ConditionalOnServing // an operator command consumes nothing live
class WalletEventListener implements DisposableBean {

    static final String ID = "wallet-events";

    private final RecordBatches batches;
    private final DeadLetterWriter deadLetters;
    private final ConsumptionMetrics metrics;
    private final ApplyRetries retries;
    private final ApplyTraces traces;
    private final KafkaListenerEndpointRegistry registry;
    private final SimpleAsyncTaskScheduler resumes = new SimpleAsyncTaskScheduler();
    private final ListenerContainerPauseService pauses;

    WalletEventListener(
            RecordBatches batches,
            DeadLetterWriter deadLetters,
            ConsumptionMetrics metrics,
            ApplyRetries retries,
            ApplyTraces traces,
            KafkaListenerEndpointRegistry registry) {
        this.traces = traces;
        this.batches = batches;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.retries = retries;
        this.registry = registry;
        resumes.setThreadNamePrefix("ledger-retry-");
        this.pauses = new ListenerContainerPauseService(registry, resumes);
    }

    /** The dead-letter topic is made as the consumer starts, since the service is the one that writes it. */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        deadLetters.checkTopic();
    }

    // idIsGroup false: the group stays spring.kafka.consumer.group-id; the id only names the container.
    @KafkaListener(id = ID, idIsGroup = false, topics = "${ledger.topic}", batch = "true")
    void onWalletEvents(
            List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment, Consumer<?, ?> consumer) {
        List<Span> spans = traces.start(records);
        long started = System.nanoTime();
        boolean retrying = retries.stalled(records);
        Instant firstSeen = retries.stalledSince(records).orElseGet(Instant::now);
        List<AppliedRecord> applied;
        try {
            // While a batch is being retried an operator may have set one of its records aside by hand.
            applied = retrying ? batches.applyHonouringOperatorSetAsides(records) : batches.apply(records);
            deadLetters.setAside(
                    applied.stream()
                            .filter(record -> record.outcome() == Outcome.SET_ASIDE)
                            .toList(),
                    firstSeen);
            acknowledgment.acknowledge();
        } catch (RuntimeException | Error e) {
            traces.failed(spans, e);
            waitOut(records, consumer, retries.failed(records, e));
            return;
        }
        traces.applied(spans, applied);
        retries.succeeded(records);
        metrics.count(applied, System.nanoTime() - started);
    }

    @Override
    public void destroy() {
        resumes.close();
    }

    /** The batch comes again from its first records once its partitions' pause is over. */
    private void waitOut(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer, Duration backOff) {
        MessageListenerContainer container = registry.getListenerContainer(ID);
        ApplyRetries.byPartition(records).forEach((partition, range) -> {
            consumer.seek(partition, range[0]);
            if (container != null) {
                pauses.pausePartition(container, partition, backOff);
            }
        });
    }
}
