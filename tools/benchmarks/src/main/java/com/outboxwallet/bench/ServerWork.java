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

    record Snapshot(Map<String, SqlStatements.Count> sql, Map<String, Long> redis, Map<String, Long> kafka) {}

    Snapshot snapshot() {
        return new Snapshot(sql.counts(), redis.counts(), kafka.counts());
    }

    /**
     * The work of a step divided by its top-ups.
     *
     * @param sql   calls per top-up and execution milliseconds per top-up, by {@code database: statement}
     * @param redis commands per top-up, by name
     * @param kafka requests per top-up, by type
     */
    record PerTopUp(Map<String, double[]> sql, Map<String, Double> redis, Map<String, Double> kafka) {

        static PerTopUp between(Snapshot before, Snapshot after, long topUps) {
            Map<String, double[]> sql = new HashMap<>();
            after.sql().forEach((statement, count) -> {
                SqlStatements.Count earlier = before.sql().getOrDefault(statement, new SqlStatements.Count(0, 0));
                long calls = count.calls() - earlier.calls();
                if (calls > 0) {
                    sql.put(
                            statement,
                            new double[] {(double) calls / topUps, (count.millis() - earlier.millis()) / topUps});
                }
            });
            return new PerTopUp(
                    sql,
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
            List<String> lines = new ArrayList<>(
                    List.of("| database: statement | calls per top-up | execution ms per top-up |", "|---|---:|---:|"));
            sql.entrySet().stream()
                    .filter(entry -> entry.getValue()[0] >= 0.01)
                    .sorted(Comparator.comparingDouble(entry -> -entry.getValue()[0]))
                    .forEach(entry -> lines.add("| `%s` | %.3f | %.3f |"
                            .formatted(entry.getKey().replace("|", "\\|"), entry.getValue()[0], entry.getValue()[1])));
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
