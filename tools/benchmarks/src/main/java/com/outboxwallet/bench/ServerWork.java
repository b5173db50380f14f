package com.outboxwallet.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the servers did for the stack, counted by the servers themselves: PostgreSQL's statements, Redis's commands,
 * the Kafka brokers' requests. A snapshot before a step and one after it give the work per top-up of that step.
 */
final class ServerWork implements AutoCloseable {

    private final SqlStatements sql;
    private final RedisCommands redis;
    private final KafkaRequests kafka;

    ServerWork(SqlStatements sql, RedisCommands redis, KafkaRequests kafka) {
        this.sql = sql;
        this.redis = redis;
        this.kafka = kafka;
    }

    record Snapshot(
            Map<String, SqlStatements.Count> sql,
            SqlStatements.Wal wal,
            Map<String, Long> redis,
            Map<String, Long> kafka) {}

    /** Each PostgreSQL client session's {@code application_name}, by backend pid. */
    Map<Long, String> postgresApplications() {
        return sql.applications();
    }

    Snapshot snapshot() {
        return new Snapshot(sql.counts(), sql.wal(), redis.counts(), kafka.counts());
    }

    /**
     * The work of a step divided by its top-ups.
     *
     * @param sql   per top-up: calls, execution milliseconds, WAL bytes and full-page images, by
     *              {@code database: statement}
     * @param wal   per top-up: the server's WAL records, full-page images and bytes, statements or not
     * @param redis commands per top-up, by name
     * @param kafka requests per top-up, by type
     */
    record PerTopUp(Map<String, double[]> sql, double[] wal, Map<String, Double> redis, Map<String, Double> kafka) {

        static PerTopUp between(Snapshot before, Snapshot after, long topUps) {
            Map<String, double[]> sql = new HashMap<>();
            after.sql().forEach((statement, count) -> {
                SqlStatements.Count earlier = before.sql().getOrDefault(statement, new SqlStatements.Count(0, 0, 0, 0));
                long calls = count.calls() - earlier.calls();
                if (calls > 0) {
                    sql.put(statement, new double[] {
                        (double) calls / topUps,
                        (count.millis() - earlier.millis()) / topUps,
                        (double) (count.walBytes() - earlier.walBytes()) / topUps,
                        (double) (count.walFpi() - earlier.walFpi()) / topUps
                    });
                }
            });
            SqlStatements.Wal walBefore = before.wal();
            SqlStatements.Wal walAfter = after.wal();
            return new PerTopUp(
                    sql,
                    new double[] {
                        (double) (walAfter.records() - walBefore.records()) / topUps,
                        (double) (walAfter.fullPageImages() - walBefore.fullPageImages()) / topUps,
                        (double) (walAfter.bytes() - walBefore.bytes()) / topUps
                    },
                    perTopUp(before.redis(), after.redis(), topUps),
                    perTopUp(before.kafka(), after.kafka(), topUps));
        }

        private static Map<String, Double> perTopUp(Map<String, Long> before, Map<String, Long> after, long topUps) {
            Map<String, Double> each = new HashMap<>();
            after.forEach((name, count) -> {
                long more = count - before.getOrDefault(name, 0L);
                if (more > 0) {
                    each.put(name, (double) more / topUps);
                }
            });
            return each;
        }

        /** Statements per top-up by database. */
        Map<String, Double> statementsByDatabase() {
            Map<String, Double> byDatabase = new TreeMap<>();
            sql.forEach((statement, calls) ->
                    byDatabase.merge(statement.substring(0, statement.indexOf(':')), calls[0], Double::sum));
            return byDatabase;
        }

        double statements() {
            return sql.values().stream().mapToDouble(calls -> calls[0]).sum();
        }

        double redisCommands() {
            return redis.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        double kafkaRequests() {
            return kafka.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** Markdown tables of where the work went, the most frequent first; statements down to 0.01 a top-up. */
        List<String> breakdown() {
            List<String> lines = new ArrayList<>(List.of(
                    "| database: statement | calls per top-up | execution ms per top-up | WAL bytes per top-up"
                            + " | full-page images per top-up |",
                    "|---|---:|---:|---:|---:|"));
            sql.entrySet().stream()
                    .filter(entry -> entry.getValue()[0] >= 0.01)
                    .sorted(Comparator.comparingDouble(entry -> -entry.getValue()[0]))
                    .forEach(entry -> lines.add("| `%s` | %.3f | %.3f | %.0f | %.3f |"
                            .formatted(
                                    entry.getKey().replace("|", "\\|"),
                                    entry.getValue()[0],
                                    entry.getValue()[1],
                                    entry.getValue()[2],
                                    entry.getValue()[3])));
            lines.addAll(List.of(
                    "",
                    "All the server's WAL per top-up (statements, commits, vacuum, checkpoints; pg_stat_wal):"
                            + " %.1f records, %.3f full-page images, %.0f bytes".formatted(wal[0], wal[1], wal[2])));
            lines.addAll(List.of("", "| Redis command | per top-up |", "|---|---:|"));
            rows(redis, lines);
            lines.addAll(List.of("", "| Kafka request | per top-up |", "|---|---:|"));
            rows(kafka, lines);
            return lines;
        }

        private static void rows(Map<String, Double> counts, List<String> lines) {
            counts.entrySet().stream()
                    .sorted(Comparator.comparingDouble(entry -> -entry.getValue()))
                    .forEach(entry -> lines.add("| %s | %.3f |".formatted(entry.getKey(), entry.getValue())));
        }
    }

    @Override
    public void close() {
        kafka.close();
    }
}
