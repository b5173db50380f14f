package com.outboxwallet.ledger.console;

import com.outboxwallet.process.ConditionalOnServing;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A replay, as its own bookkeeping in the ledger's database shows it: a {@code replay} run writes its progress to
 * {@code ledger_rebuild.replay_progress} after every poll, and its swap moves that table into the live schema, where
 * {@code replay_progress} then says what the live ledger was last rebuilt from. The console only reads both; it
 * cannot tell a replay that is running from one that stopped except by how long ago it last made progress.
 */
@Component
@ConditionalOnServing
public class ReplayState {

    /**
     * The operations package's {@code RebuildSchema.NAME}, named again: the running service may not depend on the
     * operator commands (ArchitectureTest). RebuildSchemaTest keeps the two equal.
     */
    public static final String REBUILD_SCHEMA = "ledger_rebuild";
    /** A replay saves its position after every poll; this long without a save, it is not running any more. */
    static final Duration STILL_RUNNING = Duration.ofMinutes(1);

    private final JdbcClient jdbc;

    ReplayState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every record from {@code from} up to, not including, {@code next} has been applied. */
    public record Position(String topic, int partition, long from, long next, OffsetDateTime updatedAt) {

        public long applied() {
            return next - from;
        }
    }

    /**
     * @param rebuilding whether the rebuild schema exists: a replay runs, was interrupted, or was refused its swap
     * @param rebuild    its positions (none yet while it migrates and starts)
     * @param lastSwap   the positions of the last replay swapped in, none if the ledger was never rebuilt
     */
    public record Snapshot(boolean rebuilding, List<Position> rebuild, List<Position> lastSwap, OffsetDateTime now) {

        public @Nullable OffsetDateTime lastProgress() {
            return rebuild.stream()
                    .map(Position::updatedAt)
                    .max(OffsetDateTime::compareTo)
                    .orElse(null);
        }

        /** What the operator should read from it, in a few words. */
        public String summary() {
            if (!rebuilding) {
                return "none in progress";
            }
            OffsetDateTime last = lastProgress();
            if (last == null) {
                return "starting: the rebuild schema exists, no position saved yet";
            }
            long quiet = Duration.between(last, now).toSeconds();
            return Duration.between(last, now).compareTo(STILL_RUNNING) < 0
                    ? "in progress (last position saved " + quiet + " s ago)"
                    : "stopped " + quiet + " s ago without swapping (interrupted or refused): rerun replay, or drop "
                            + REBUILD_SCHEMA;
        }
    }

    public Snapshot read() {
        OffsetDateTime now =
                jdbc.sql("SELECT now()").query(OffsetDateTime.class).single();
        boolean rebuilding = jdbc.sql("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = :schema)")
                .param("schema", REBUILD_SCHEMA)
                .query(Boolean.class)
                .single();
        return new Snapshot(rebuilding, rebuilding ? rebuildPositions() : List.of(), positions("replay_progress"), now);
    }

    private List<Position> rebuildPositions() {
        try {
            return positions(REBUILD_SCHEMA + ".replay_progress");
        } catch (BadSqlGrammarException e) {
            // Its migration has not made the table yet, or the swap moved it out a moment ago.
            return List.of();
        }
    }

    private List<Position> positions(String table) {
        return jdbc.sql("SELECT topic, kafka_partition, from_offset, next_offset, updated_at FROM " + table
                        + " ORDER BY topic, kafka_partition")
                .query((rs, n) -> new Position(
                        rs.getString("topic"),
                        rs.getInt("kafka_partition"),
                        rs.getLong("from_offset"),
                        rs.getLong("next_offset"),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .list();
    }
}
