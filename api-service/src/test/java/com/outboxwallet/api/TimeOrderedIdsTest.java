package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    private static final long DEC_7_2026 = 1_796_601_600_000L;

    @Test
    void anIdIsAVersion7UuidCarryingItsMillisecond() {
        UUID id = TimeOrderedIds.at(DEC_7_2026, new SecureRandom());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).as("RFC 9562's variant").isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(DEC_7_2026);
    }

    @Test
    void idsOfALaterMillisecondSortAfterEarlierOnesAsPostgresqlComparesThem() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 1000; i++) {
            UUID earlier = TimeOrderedIds.at(DEC_7_2026 + i, random);
            UUID later = TimeOrderedIds.at(DEC_7_2026 + i + 1, random);

            // PostgreSQL orders uuid by its bytes, unsigned: the string form orders the same way.
            assertThat(later.toString()).isGreaterThan(earlier.toString());
        }
    }

    @Test
    void idsOfTheSameMillisecondStillDiffer() {
        SecureRandom random = new SecureRandom();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.at(DEC_7_2026, random));
        }

        assertThat(ids).hasSize(100_000);
    }

    @Test
    void theClockGivesTheMillisecond() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }
}
