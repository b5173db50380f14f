package com.outboxwallet.ledger.replay;

import com.outboxwallet.process.ConditionalOnCommand;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Swaps the rebuilt ledger in for the live one in one transaction, while the live service runs.
 *
 * <p>The transaction first locks the live {@code processed_events} (then the other live tables) in ACCESS EXCLUSIVE
 * mode. Every consumer transaction starts by inserting there, so from then on the live consumer's next transaction
 * waits, and one already running finishes first. With the live tables still, the rebuild catches up to the highest
 * offset the live ledger applied on each partition, so it holds every event the live ledger holds. Then the live
 * tables and functions move to a {@code ledger_retired_<time>} schema and the rebuilt ones to {@code public}, and the
 * transaction commits. The waiting consumer statement then resolves its table names again (PostgreSQL re-looks a
 * name up after waiting on a lock of a relation that moved) and writes into the new tables, where an event the
 * rebuild already applied is a duplicate. Readers of the API wait the same short moment. A failure anywhere rolls all
 * of it back: the live ledger is untouched and the rebuild stays, to be resumed.
 *
 * <p>It uses a connection of its own, outside Spring's transaction, so the catch-up's own transactions are not
 * swallowed by it.
 */
@Component
@ConditionalOnCommand(ReplayCommand.NAME)
class RebuildSwap {

    /** Every consumer transaction begins with this table, so it is locked first: no deadlock with the consumer. */
    private static final String FIRST_LOCKED = "processed_events";

    private static final String LOCK_TIMEOUT = "10s";

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    RebuildSwap(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /**
     * Top-ups the live ledger has and the rebuild lacks, among those read from offsets the rebuild has passed: a
     * rebuild that lost any (a --from after them) must not replace it. Later ones are the swap's catch-up's work.
     */
    long topUpsMissingFromRebuild(Map<TopicPartition, Long> rebuildPositions) {
        long missing = 0;
        for (Map.Entry<TopicPartition, Long> position : rebuildPositions.entrySet()) {
            missing += jdbc.sql("SELECT count(*) FROM " + qualified(RebuildSchema.LIVE, "audit_log") + " l JOIN "
                            + qualified(RebuildSchema.LIVE, "processed_events") + " p ON p.event_id = l.event_id"
                            + " WHERE p.topic = :topic AND p.kafka_partition = :partition AND p.kafka_offset < :next"
                            + " AND NOT EXISTS (SELECT 1 FROM " + qualified(RebuildSchema.NAME, "audit_log")
                            + " r WHERE r.top_up_id = l.top_up_id)")
                    .param("topic", position.getKey().topic())
                    .param("partition", position.getKey().partition())
                    .param("next", position.getValue())
                    .query(Long.class)
                    .single();
        }
        return missing;
    }

    /**
     * @param catchUpTo reads and applies the topic into the rebuild until the given positions; called under the lock
     * @return the schema the replaced live tables were moved to
     */
    String swap(List<TopicPartition> partitions, Consumer<Map<TopicPartition, Long>> catchUpTo) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                JdbcClient swap = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                String retired = swapIn(swap, partitions, catchUpTo);
                connection.commit();
                return retired;
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("swap failed: " + e.getMessage(), e);
        }
    }

    private String swapIn(
            JdbcClient swap, List<TopicPartition> partitions, Consumer<Map<TopicPartition, Long>> catchUpTo) {
        swap.sql("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'").update();
        List<String> tables = rebuiltTables(swap);
        swap.sql("LOCK TABLE "
                        + String.join(
                                ", ",
                                tables.stream()
                                        .map(t -> qualified(RebuildSchema.LIVE, t))
                                        .toList()) + " IN ACCESS EXCLUSIVE MODE")
                .update();
        catchUpTo.accept(nextPositions(swap, RebuildSchema.LIVE, partitions));

        String retired = "ledger_retired_"
                + DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC));
        swap.sql("CREATE SCHEMA " + retired).update();
        List<String> functions = rebuiltFunctions(swap);
        for (String table : tables) {
            swap.sql("ALTER TABLE " + qualified(RebuildSchema.LIVE, table) + " SET SCHEMA " + retired)
                    .update();
        }
        for (String function : functions) {
            // The live tables' triggers keep pointing at their own copy, wherever it moves.
            swap.sql("ALTER FUNCTION " + RebuildSchema.LIVE + "." + function + " SET SCHEMA " + retired)
                    .update();
        }
        for (String table : tables) {
            swap.sql("ALTER TABLE " + qualified(RebuildSchema.NAME, table) + " SET SCHEMA " + RebuildSchema.LIVE)
                    .update();
        }
        for (String function : functions) {
            swap.sql("ALTER FUNCTION " + RebuildSchema.NAME + "." + function + " SET SCHEMA " + RebuildSchema.LIVE)
                    .update();
        }
        // What is left is the rebuild's Flyway history; the live schema keeps its own.
        swap.sql("DROP SCHEMA " + RebuildSchema.NAME + " CASCADE").update();
        return retired;
    }

    /** The ledger's tables as the migrations create them, {@value #FIRST_LOCKED} first. */
    private static List<String> rebuiltTables(JdbcClient jdbc) {
        List<String> tables = new ArrayList<>(jdbc.sql("""
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = :schema AND c.relkind IN ('r', 'p')
                           AND c.relname <> 'flyway_schema_history'
                         ORDER BY c.relname <> :first, c.relname""")
                .param("schema", RebuildSchema.NAME)
                .param("first", FIRST_LOCKED)
                .query(String.class)
                .list());
        if (tables.isEmpty() || !tables.getFirst().equals(FIRST_LOCKED)) {
            throw new IllegalStateException("schema " + RebuildSchema.NAME + " holds no rebuilt ledger");
        }
        return tables;
    }

    private static List<String> rebuiltFunctions(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')'
                          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                         WHERE n.nspname = :schema""")
                .param("schema", RebuildSchema.NAME)
                .query(String.class)
                .list();
    }

    private static Map<TopicPartition, Long> nextPositions(
            JdbcClient jdbc, String schema, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : partitions) {
            // One index lookup per partition (processed_events_position_idx), cheap under the lock.
            positions.put(
                    partition,
                    jdbc.sql("SELECT coalesce(max(kafka_offset) + 1, 0) FROM " + qualified(schema, "processed_events")
                                    + " WHERE topic = :topic AND kafka_partition = :partition")
                            .param("topic", partition.topic())
                            .param("partition", partition.partition())
                            .query(Long.class)
                            .single());
        }
        return positions;
    }

    private static String qualified(String schema, String table) {
        return schema + "." + table;
    }
}
