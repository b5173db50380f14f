package com.outboxwallet.relay;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What a consumer that drops duplicates by ce_id sees of one wallet: the sequence numbers in arrival order. */
final class WalletOrder {

    private WalletOrder() {}

    static List<Long> firstArrivals(List<ConsumerRecord<String, byte[]>> records, String walletId) {
        Set<String> seen = new LinkedHashSet<>();
        List<Long> sequences = new ArrayList<>();
        records.stream()
                .filter(record -> walletId.equals(record.key()))
                .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                .forEach(record -> {
                    if (seen.add(TopicReader.header(record, "ce_id"))) {
                        sequences.add(Long.parseLong(TopicReader.header(record, "ce_walletsequence")));
                    }
                });
        return sequences;
    }
}
