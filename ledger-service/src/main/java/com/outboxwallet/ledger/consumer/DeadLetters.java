package com.outboxwallet.ledger.consumer;

import com.outboxwallet.events.InvalidWalletEvent;
import com.outboxwallet.ledger.LedgerProperties;
import com.outboxwallet.ledger.consumer.RecordBatches.AppliedRecord;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * Sets records that can never be applied aside on the dead-letter topic, with the reason and their original topic,
 * partition and offset in headers. Each send waits for the broker's acknowledgement and throws if it fails, so the
 * batch's offsets are committed only once its poison is safely on the dead-letter topic.
 */
@Component
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterPublishingRecoverer publisher;
    private final ConsumptionMetrics metrics;

    DeadLetters(KafkaOperations<Object, Object> kafka, LedgerProperties properties, ConsumptionMetrics metrics) {
        this.publisher = new DeadLetterPublishingRecoverer(
                kafka, (record, e) -> new TopicPartition(properties.deadLetterTopic(), -1));
        this.metrics = metrics;
    }

    void setAside(List<AppliedRecord> poison) {
        for (AppliedRecord applied : poison) {
            InvalidWalletEvent reason = Objects.requireNonNull(applied.invalidity());
            publisher.accept(applied.record(), null, reason);
            metrics.countDeadLetter();
            // The wallet (the record's key) as a field of its own, for a log pipeline to find its lines.
            log.atWarn()
                    .addKeyValue("walletId", applied.record().key())
                    .log(
                            "Record {}-{}@{} can never be applied and was set aside on the dead-letter topic: {}",
                            applied.record().topic(),
                            applied.record().partition(),
                            applied.record().offset(),
                            reason.getMessage());
        }
    }
}
