package com.outboxwallet.ledger.replay;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a replay starts reading: {@code earliest}, the first record at or after an ISO-8601 time, or explicit
 * {@code partition:offset} positions (comma-separated; partitions not named start at the earliest offset).
 */
sealed interface ReplayStart {

    static ReplayStart parse(String from) {
        if ("earliest".equals(from)) {
            return new Earliest();
        }
        if (from.matches("\\d+:\\d+(,\\d+:\\d+)*")) {
            Map<Integer, Long> offsets = new HashMap<>();
            for (String position : from.split(",")) {
                String[] parts = position.split(":");
                offsets.put(Integer.valueOf(parts[0]), Long.valueOf(parts[1]));
            }
            return new Positions(offsets);
        }
        try {
            return new At(OffsetDateTime.parse(from).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "cannot read --from " + from + "; expected earliest, an ISO-8601 time "
                            + "(2026-11-25T06:00:00Z) or partition:offset[,partition:offset...]",
                    e);
        }
    }

    /**
     * @param beginning  each partition's earliest offset
     * @param end        each partition's end offset, where a time after the last record leads
     * @param offsetsFor the broker's lookup of offsets by time
     */
    Map<TopicPartition, Long> resolve(
            Map<TopicPartition, Long> beginning,
            Map<TopicPartition, Long> end,
            Function<Map<TopicPartition, Long>, Map<TopicPartition, OffsetAndTimestamp>> offsetsFor);

    record Earliest() implements ReplayStart {

        @Override
        public Map<TopicPartition, Long> resolve(
                Map<TopicPartition, Long> beginning,
                Map<TopicPartition, Long> end,
                Function<Map<TopicPartition, Long>, Map<TopicPartition, OffsetAndTimestamp>> offsetsFor) {
            return beginning;
        }
    }

    record At(Instant time) implements ReplayStart {

        @Override
        public Map<TopicPartition, Long> resolve(
                Map<TopicPartition, Long> beginning,
                Map<TopicPartition, Long> end,
                Function<Map<TopicPartition, Long>, Map<TopicPartition, OffsetAndTimestamp>> offsetsFor) {
            Map<TopicPartition, Long> query = new HashMap<>();
            beginning.keySet().forEach(p -> query.put(p, time.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = offsetsFor.apply(query);
            Map<TopicPartition, Long> positions = new HashMap<>();
            beginning
                    .keySet()
                    .forEach(p -> positions.put(
                            p,
                            found.get(p) == null
                                    ? Objects.requireNonNull(end.get(p))
                                    : found.get(p).offset()));
            return positions;
        }
    }

    record Positions(Map<Integer, Long> offsets) implements ReplayStart {

        @Override
        public Map<TopicPartition, Long> resolve(
                Map<TopicPartition, Long> beginning,
                Map<TopicPartition, Long> end,
                Function<Map<TopicPartition, Long>, Map<TopicPartition, OffsetAndTimestamp>> offsetsFor) {
            List<Integer> unknown = offsets.keySet().stream()
                    .filter(n -> beginning.keySet().stream().noneMatch(p -> p.partition() == n))
                    .toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("the topic has no partition " + unknown);
            }
            Map<TopicPartition, Long> positions = new HashMap<>();
            beginning.forEach((p, first) ->
                    positions.put(p, Math.max(first, offsets.getOrDefault(p.partition(), first))));
            return positions;
        }
    }
}
