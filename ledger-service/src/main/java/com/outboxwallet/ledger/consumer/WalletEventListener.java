package com.outboxwallet.ledger.consumer;

import com.outboxwallet.ledger.ledger.LedgerRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * At-least-once in, exactly-once in effect: the event is applied (or found already applied) in one database
 * transaction, and only after that commit is the offset acknowledged. A crash in between redelivers the event, which
 * the processed_events key then turns into a no-op; a duplicate is a success and is acknowledged like one.
 * Concurrency is safe across rebalances for the same reason: a partition that moves mid-record is redelivered from
 * its last committed offset and the new owner finds the event already applied.
 */
@Component
class WalletEventListener {

    private final LedgerRecorder ledger;
    private final ConsumptionMetrics metrics;

    WalletEventListener(LedgerRecorder ledger, ConsumptionMetrics metrics) {
        this.ledger = ledger;
        this.metrics = metrics;
    }

    @KafkaListener(topics = "${ledger.topic}")
    void onWalletEvent(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) {
        metrics.count(ledger.record(ReceivedEvents.of(record)));
        acknowledgment.acknowledge();
    }
}
