package com.outboxwallet.ledger.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReplayStartTest {

    private static final TopicPartition P0 = new TopicPartition("wallet.events", 0);
    private static final TopicPartition P1 = new TopicPartition("wallet.events", 1);
    private static final Map<TopicPartition, Long> BEGINNING = Map.of(P0, 5L, P1, 0L);
    private static final Map<TopicPartition, Long> END = Map.of(P0, 100L, P1, 50L);

    @Test
    void earliestStartsEveryPartitionAtItsFirstOffset() {
        assertThat(ReplayStart.parse("earliest").resolve(BEGINNING, END, q -> Map.of()))
                .isEqualTo(BEGINNING);
    }

    @Test
    void aTimeStartsAtTheFirstRecordAtOrAfterItAndAtTheEndWhereThereIsNone() {
        Instant time = Instant.parse("2026-11-25T06:00:00Z");
        Map<TopicPartition, OffsetAndTimestamp> found = new HashMap<>();
        found.put(P0, new OffsetAndTimestamp(42L, time.toEpochMilli()));
        found.put(P1, null);

        Map<TopicPartition, Long> positions = ReplayStart.parse("2026-11-25T06:00:00Z")
                .resolve(BEGINNING, END, query -> {
                    assertThat(query).containsEntry(P0, time.toEpochMilli());
                    return found;
                });

        assertThat(positions).containsEntry(P0, 42L).containsEntry(P1, 50L);
    }

    @Test
    void partitionOffsetsStartTheNamedPartitionsThereAndTheOthersAtTheirFirstOffset() {
        assertThat(ReplayStart.parse("1:7").resolve(BEGINNING, END, q -> Map.of()))
                .containsEntry(P0, 5L)
                .containsEntry(P1, 7L);
        assertThat(ReplayStart.parse("0:1,1:3").resolve(BEGINNING, END, q -> Map.of()))
                .as("an offset before the first one still present starts at the first")
                .containsEntry(P0, 5L)
                .containsEntry(P1, 3L);
    }

    @Test
    void aPartitionTheTopicDoesNotHaveOrAnUnreadableStartIsRefused() {
        assertThatThrownBy(() -> ReplayStart.parse("9:0").resolve(BEGINNING, END, q -> Map.of()))
                .hasMessageContaining("no partition [9]");
        assertThatThrownBy(() -> ReplayStart.parse("yesterday")).hasMessageContaining("cannot read --from yesterday");
    }
}
