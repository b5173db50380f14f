package com.outboxwallet.ledger.bookkeeping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * The break-glass list: records an operator told the ledger to set aside by their position
 * ({@code dead-letters set-aside}), in {@code public.operator_set_asides} (V5). It is the operators' record, kept in
 * the live schema whatever a replay swaps in, and read by qualified name so a replay, which works in a schema of its
 * own, honours it too.
 */
@Repository
public class OperatorSetAsides {

    private final JdbcClient jdbc;

    OperatorSetAsides(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param operator who set it aside, as the command was told or the OS user who ran it */
    public record SetAside(String topic, int partition, long offset, String reason, String operator, Instant at) {}

    /** @return true if recorded now, false if that position was set aside before (the earlier record stands) */
    public boolean record(String topic, int partition, long offset, String reason, String operator) {
        return jdbc.sql("""
                                INSERT INTO public.operator_set_asides
                                       (topic, kafka_partition, kafka_offset, reason, operator)
                                VALUES (:topic, :partition, :offset, :reason, :operator)
                                ON CONFLICT DO NOTHING""")
                        .param("topic", topic)
                        .param("partition", partition)
                        .param("offset", offset)
                        .param("reason", reason)
                        .param("operator", operator)
                        .update()
                == 1;
    }

    /** The set-asides among the given positions of one topic; one statement for a whole poll. */
    public List<SetAside> among(String topic, int[] partitions, long[] offsets) {
        return jdbc.sql("""
                        SELECT s.topic, s.kafka_partition, s.kafka_offset, s.reason, s.operator, s.set_aside_at
                          FROM public.operator_set_asides s
                          JOIN unnest(:partitions, :offsets) AS p(kafka_partition, kafka_offset)
                            ON p.kafka_partition = s.kafka_partition AND p.kafka_offset = s.kafka_offset
                         WHERE s.topic = :topic""")
                .param("topic", topic)
                .param("partitions", new SqlArrayValue("int4", (Object[]) boxed(partitions)))
                .param("offsets", new SqlArrayValue("int8", (Object[]) boxed(offsets)))
                .query((rs, row) -> new SetAside(
                        rs.getString("topic"),
                        rs.getInt("kafka_partition"),
                        rs.getLong("kafka_offset"),
                        rs.getString("reason"),
                        rs.getString("operator"),
                        rs.getObject("set_aside_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static Integer[] boxed(int[] values) {
        return Arrays.stream(values).boxed().toArray(Integer[]::new);
    }

    private static Long[] boxed(long[] values) {
        return Arrays.stream(values).boxed().toArray(Long[]::new);
    }
}
