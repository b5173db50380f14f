package com.outboxwallet.ledger.consumer;

import com.outboxwallet.events.WalletEventReader;
import com.outboxwallet.ledger.LedgerProperties;
import com.outboxwallet.ledger.bookkeeping.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Reads a Kafka record as a wallet event through the contract's reader, which trusts nothing: a record that is not a
 * valid event of the contract, from a producer the ledger trusts ({@code ledger.trusted-sources}), is poison, not
 * retryable.
 */
@Component
class ReceivedEvents {

    private final WalletEventReader reader;

    ReceivedEvents(LedgerProperties properties) {
        this.reader = new WalletEventReader(properties.trustedSources());
    }

    /** @throws com.outboxwallet.events.InvalidWalletEvent when the record is not a valid event */
    ReceivedEvent of(ConsumerRecord<String, byte[]> record) {
        return new ReceivedEvent(reader.read(record), record.topic(), record.partition(), record.offset());
    }
}
