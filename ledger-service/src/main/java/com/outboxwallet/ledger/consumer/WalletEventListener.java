package com.outboxwallet.ledger.consumer;

import com.outboxwallet.ledger.ledger.LedgerRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * At-least-once in, exactly-once in effect: the event is applied (or found already applied) in one database
 * transaction, and only after that commit is the offset acknowledged. A crash in between redelivers the event, which
 * the processed_events key then turns into a no-op.
 */
@Component
class WalletEventListener {

    private final LedgerRecorder ledger;

    WalletEventListener(LedgerRecorder ledger) {
        this.ledger = ledger;
    }

    @KafkaListener(topics = "${ledger.topic}")
    void onWalletEvent(ConsumerRecord<String, byte[]> record, Acknowledgment acknowledgment) {
        ledger.record(ReceivedEvents.of(record));
        acknowledgment.acknowledge();
    }
}
