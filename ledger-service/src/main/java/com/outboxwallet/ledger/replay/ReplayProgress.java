package com.outboxwallet.ledger.replay;

import com.outboxwallet.process.ConditionalOnCommand;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * How far the rebuild in {@code ledger_rebuild} has read each partition, as a range every record of which has been
 * applied. A rerun continues from the end of that range; a rerun asked to start before it starts there and reads the
 * range again (the dedupe makes that harmless), so the range always stays without holes.
 */
@Component
@ConditionalOnCommand(ReplayCommand.NAME)
class ReplayProgress {

    private final JdbcClient rebuild;

    /** This run's datasource works in the rebuild schema, so unqualified names are the rebuild's tables. */
    ReplayProgress(JdbcClient rebuild) {
        this.rebuild = rebuild;
    }

    record Range(long from, long next) {}

    /** @return where to start each partition, given where the operator asked to start */
    Map<TopicPartition, Long> startFrom(Map<TopicPartition, Long> requested) {
        Map<TopicPartition, Long> start = new HashMap<>();
        requested.forEach((partition, offset) -> {
            Range done = rebuild.sql("""
                            SELECT from_offset, next_offset FROM replay_progress
                             WHERE topic = :topic AND kafka_partition = :partition""")
                    .param("topic", partition.topic())
                    .param("partition", partition.partition())
                    .query((rs, n) -> new Range(rs.getLong("from_offset"), rs.getLong("next_offset")))
                    .optional()
                    .orElse(null);
            Range resumed = done != null && done.from() <= offset ? done : null;
            start.put(partition, resumed != null ? Math.max(offset, resumed.next()) : offset);
            rebuild.sql("""
                            INSERT INTO replay_progress (topic, kafka_partition, from_offset, next_offset)
                            VALUES (:topic, :partition, :from, :next)
                            ON CONFLICT (topic, kafka_partition) DO UPDATE
                               SET from_offset = EXCLUDED.from_offset, next_offset = EXCLUDED.next_offset,
                                   updated_at = now()""")
                    .param("topic", partition.topic())
                    .param("partition", partition.partition())
                    .param("from", resumed != null ? resumed.from() : offset)
                    .param("next", start.get(partition))
                    .update();
        });
        return start;
    }

    /** Called after the records before these positions were applied; one statement for all partitions. */
    void reached(Map<TopicPartition, Long> positions) {
        List<Map.Entry<TopicPartition, Long>> rows = List.copyOf(positions.entrySet());
        rebuild.sql("""
                        UPDATE replay_progress p SET next_offset = r.next, updated_at = now()
                          FROM unnest(:topics, :partitions, :nexts) AS r(topic, kafka_partition, next)
                         WHERE p.topic = r.topic AND p.kafka_partition = r.kafka_partition AND p.next_offset < r.next""")
                .param(
                        "topics",
                        new SqlArrayValue(
                                "text",
                                rows.stream().map(r -> r.getKey().topic()).toArray()))
                .param(
                        "partitions",
                        new SqlArrayValue(
                                "int4",
                                rows.stream().map(r -> r.getKey().partition()).toArray()))
                .param(
                        "nexts",
                        new SqlArrayValue(
                                "int8", rows.stream().map(Map.Entry::getValue).toArray()))
                .update();
    }
}
