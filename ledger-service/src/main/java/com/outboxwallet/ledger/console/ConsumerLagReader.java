package com.outboxwallet.ledger.console;

import com.outboxwallet.ledger.LedgerProperties;
import com.outboxwallet.process.ConditionalOnServing;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads the consumer lag the ledger already exports ({@code kafka_consumer_fetch_manager_records_lag} and
 * {@code _lag_max}, the Kafka client's own metrics bound to the registry by Spring Boot), so the page and the
 * Prometheus alarms show the same numbers; it computes no lag of its own. Micrometer binds a newly assigned
 * partition's meter at its next refresh of the client's metrics, up to a minute later: until then the partition is
 * missing from the list, and the recent maximum still covers it.
 */
@Component
@ConditionalOnServing
public class ConsumerLagReader {

    static final String RECORDS_LAG = "kafka.consumer.fetch.manager.records.lag";
    static final String RECORDS_LAG_MAX = "kafka.consumer.fetch.manager.records.lag.max";

    private final MeterRegistry meters;
    private final String topic;

    ConsumerLagReader(MeterRegistry meters, LedgerProperties ledger) {
        this.meters = meters;
        this.topic = ledger.topic();
    }

    public ConsumerLag read() {
        // A partition that just moved to another consumer can keep a stale meter until the next refresh: the larger
        // figure is the one an operator must not miss.
        Map<Integer, Double> byPartition = new TreeMap<>();
        for (Meter meter : meters.find(RECORDS_LAG).tag("topic", topic).meters()) {
            String partition = meter.getId().getTag("partition");
            double lag = value(meter);
            if (partition != null && Double.isFinite(lag)) {
                byPartition.merge(Integer.parseInt(partition), lag, Math::max);
            }
        }
        // Client-wide or per partition, depending on which of Kafka's two meters of this name Micrometer kept.
        @Nullable
        Double recentMax = meters.find(RECORDS_LAG_MAX).meters().stream()
                .mapToDouble(ConsumerLagReader::value)
                .filter(Double::isFinite)
                .boxed()
                .max(Double::compare)
                .orElse(null);
        List<ConsumerLag.PartitionLag> partitions = byPartition.entrySet().stream()
                .map(entry -> new ConsumerLag.PartitionLag(entry.getKey(), entry.getValue()))
                .toList();
        return new ConsumerLag(partitions, recentMax);
    }

    /** Kafka's metrics are bound as gauges; read whatever measurement the meter has rather than assume its type. */
    private static double value(Meter meter) {
        return StreamSupport.stream(meter.measure().spliterator(), false)
                .findFirst()
                .map(measurement -> measurement.getValue())
                .orElse(Double.NaN);
    }
}
