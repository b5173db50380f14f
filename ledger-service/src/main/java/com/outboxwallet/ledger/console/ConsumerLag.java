package com.outboxwallet.ledger.console;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How far this instance's consumers are behind the end of the wallet events topic, as the Kafka client measures it.
 *
 * @param partitions each partition this instance consumes, by partition number
 * @param recentMax  the highest lag any of its consumers saw in the client's recent window, {@code null} before the
 *                   first fetch
 */
public record ConsumerLag(
        List<PartitionLag> partitions, @Nullable Double recentMax) {

    /** Records between the consumer's position on the partition and the partition's end. */
    public record PartitionLag(int partition, double lag) {

        public String records() {
            return Figures.count(lag);
        }
    }

    public String recentMaxShown() {
        return recentMax == null ? "no fetch yet" : Figures.count(recentMax) + " records";
    }

    public String total() {
        return Figures.count(partitions.stream().mapToDouble(PartitionLag::lag).sum()) + " records";
    }
}
