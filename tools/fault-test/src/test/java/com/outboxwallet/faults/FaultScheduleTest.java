package com.outboxwallet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    @Test
    void theSameSeedGivesTheSameFaultsInTheSameOrderWithTheSamePauses() {
        FaultSchedule first = FaultSchedule.of(42, EnumSet.allOf(FaultKind.class), 3, Duration.ofSeconds(5));
        FaultSchedule again = FaultSchedule.of(42, EnumSet.allOf(FaultKind.class), 3, Duration.ofSeconds(5));
        FaultSchedule other = FaultSchedule.of(43, EnumSet.allOf(FaultKind.class), 3, Duration.ofSeconds(5));

        assertThat(again).isEqualTo(first);
        assertThat(other.faults())
                .extracting(FaultSchedule.Planned::kind)
                .isNotEqualTo(
                        first.faults().stream().map(FaultSchedule.Planned::kind).toList());
    }

    @Test
    void everyKindComesExactlyAsOftenAsAskedWithPausesWithinTheGap() {
        FaultSchedule schedule = FaultSchedule.of(
                7,
                EnumSet.of(FaultKind.KILL_API, FaultKind.KILL_KAFKA, FaultKind.FLUSH_REDIS),
                5,
                Duration.ofSeconds(2));

        Map<FaultKind, Long> counts = schedule.faults().stream()
                .collect(Collectors.groupingBy(FaultSchedule.Planned::kind, Collectors.counting()));
        assertThat(counts)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(FaultKind.KILL_API, 5L, FaultKind.KILL_KAFKA, 5L, FaultKind.FLUSH_REDIS, 5L));
        assertThat(schedule.faults())
                .allSatisfy(fault -> assertThat(fault.before()).isBetween(Duration.ZERO, Duration.ofSeconds(2)));
        assertThat(schedule.faults())
                .extracting(FaultSchedule.Planned::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    }

    @Test
    void withoutOverlapsEveryFaultStrikesAloneAsItAlwaysDid() {
        FaultSchedule alone = FaultSchedule.of(42, EnumSet.allOf(FaultKind.class), 3, Duration.ofSeconds(5), 0);

        assertThat(alone).isEqualTo(FaultSchedule.of(42, EnumSet.allOf(FaultKind.class), 3, Duration.ofSeconds(5)));
        assertThat(alone.faults()).noneMatch(FaultSchedule.Planned::withPrevious);
    }

    @Test
    void overlappingFaultsStrikeInPairsOnDifferentPartsKeepingTheOrderAndTheCounts() {
        FaultSchedule alone = FaultSchedule.of(42, EnumSet.allOf(FaultKind.class), 3, Duration.ofSeconds(5), 0);
        FaultSchedule overlapping = FaultSchedule.of(42, EnumSet.allOf(FaultKind.class), 3, Duration.ofSeconds(5), 100);

        assertThat(overlapping.faults())
                .extracting(FaultSchedule.Planned::kind)
                .containsExactlyElementsOf(
                        alone.faults().stream().map(FaultSchedule.Planned::kind).toList());
        assertThat(overlapping.faults().stream().filter(FaultSchedule.Planned::withPrevious))
                .hasSizeGreaterThan(overlapping.faults().size() / 4);
        for (int i = 1; i < overlapping.faults().size(); i++) {
            FaultSchedule.Planned fault = overlapping.faults().get(i);
            FaultSchedule.Planned previous = overlapping.faults().get(i - 1);
            if (fault.withPrevious()) {
                assertThat(fault.kind().part()).isNotEqualTo(previous.kind().part());
                assertThat(previous.withPrevious())
                        .as("pairs, never three at once")
                        .isFalse();
            }
        }
        assertThat(overlapping.faults().getFirst().withPrevious()).isFalse();
    }

    @Test
    void theLockHolderIsPausedOnlyWhereThereIsALock() {
        assertThat(FaultKind.forRun("redisson-lock", true, true, true, false, true))
                .contains(FaultKind.PAUSE_LOCK_HOLDER);
        assertThat(FaultKind.forRun("atomic-update", true, true, true, true, true))
                .doesNotContain(FaultKind.PAUSE_LOCK_HOLDER)
                .hasSize(FaultKind.values().length - 1);
    }

    @Test
    void linksAreCutOnlyBetweenNamespaces() {
        assertThat(FaultKind.forRun("atomic-update", true, true, true, false, true))
                .doesNotContainAnyElementsOf(FaultKind.PARTITIONS);
        assertThat(FaultKind.forRun("atomic-update", true, false, true, true, true))
                .contains(FaultKind.CUT_LEDGER_KAFKA)
                .doesNotContain(FaultKind.ISOLATE_KAFKA_BROKER);
        FaultTestSettings partitions = FaultTestSettings.parse(true, "--partitions", "--kafka-brokers=3");
        assertThat(partitions.kinds()).containsAll(FaultKind.PARTITIONS);
        assertThat(FaultTestSettings.parse(false, "--partitions", "--kafka-brokers=3")
                        .kinds())
                .as("without namespaces, proxies: no link to Kafka is cut")
                .contains(FaultKind.CUT_API_POSTGRES, FaultKind.SLOW_API_REDIS, FaultKind.CUT_LEDGER_POSTGRES)
                .doesNotContainAnyElementsOf(FaultKind.NAMESPACES_ONLY);
        assertThat(FaultTestSettings.parse(
                        true,
                        partitions
                                .command()
                                .substring("bin/fault-test ".length())
                                .split(" ")))
                .isEqualTo(partitions);
        assertThatThrownBy(() -> FaultTestSettings.parse("--faults=cut-relay-kafka"))
                .hasMessageContaining("need --partitions");
        assertThatThrownBy(() -> FaultTestSettings.parse("--partitions=namespaces", "--faults=isolate-kafka-broker"))
                .hasMessageContaining("need --kafka-brokers=3");
        assertThatThrownBy(() -> FaultTestSettings.parse("--partitions=proxies", "--faults=cut-ledger-kafka"))
                .hasMessageContaining("need --partitions=namespaces");
        assertThat(FaultTestSettings.parse(false, "--partitions").partitions())
                .isEqualTo(FaultTestSettings.Partitions.PROXIES);
    }

    @Test
    void aSingleBrokerIsNeverKilledAlone() {
        assertThat(FaultKind.forRun("atomic-update", true, false, true, false, true))
                .doesNotContain(FaultKind.KILL_KAFKA_BROKER)
                .contains(FaultKind.KILL_KAFKA);
        assertThat(FaultTestSettings.parse("--kafka-brokers=3").kinds()).contains(FaultKind.KILL_KAFKA_BROKER);
        assertThatThrownBy(() -> FaultTestSettings.parse("--faults=kill-kafka-broker"))
                .hasMessageContaining("need --kafka-brokers=3");
        assertThatThrownBy(() -> FaultTestSettings.parse("--kafka-brokers=2")).hasMessageContaining("1 or 3");
    }

    @Test
    void aFailOverNeedsAStandby() {
        assertThat(FaultKind.forRun("atomic-update", true, false, false, false, true))
                .doesNotContain(FaultKind.FAILOVER_POSTGRES);
        FaultTestSettings standby = FaultTestSettings.parse("--postgres-standby");
        assertThat(standby.kinds()).contains(FaultKind.FAILOVER_POSTGRES);
        assertThat(FaultTestSettings.parse(
                        standby.command().substring("bin/fault-test ".length()).split(" ")))
                .isEqualTo(standby);
        assertThatThrownBy(() -> FaultTestSettings.parse("--faults=failover-postgres"))
                .hasMessageContaining("needs --postgres-standby");
        assertThat(FaultTestSettings.parse("--postgres-standby", "--relay-mode=cdc")
                        .kinds())
                .as("the CDC relay follows its fail-over slot to the promoted standby")
                .contains(FaultKind.FAILOVER_POSTGRES);
    }

    @Test
    void theProviderIsHitOnlyWhenTopUpsAreFunded() {
        assertThat(FaultKind.forRun("atomic-update", false, true, true, false, true))
                .doesNotContainAnyElementsOf(FaultKind.PAYMENTS)
                .contains(FaultKind.KILL_API);
        assertThatThrownBy(() -> FaultTestSettings.parse("--funded-percent=0", "--faults=kill-api,provider-down"))
                .hasMessageContaining("need funded top-ups");
        assertThat(FaultTestSettings.parse("--funded-percent=0").kinds()).doesNotContain(FaultKind.PROVIDER_DOWN);
    }

    @Test
    void faultsAreNamedOnTheCommandLineAsTheyArePrinted() {
        assertThat(FaultKind.parseAll("kill-api, restart-postgres"))
                .containsExactlyInAnyOrder(FaultKind.KILL_API, FaultKind.RESTART_POSTGRES);
        assertThat(FaultKind.parseAll(FaultKind.names(EnumSet.allOf(FaultKind.class))))
                .containsExactlyInAnyOrder(FaultKind.values());
        Function<String, Throwable> parsing =
                text -> org.assertj.core.api.Assertions.catchThrowable(() -> FaultKind.parseAll(text));
        assertThat(parsing.apply("kill-everything"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown fault 'kill-everything'")
                .hasMessageContaining("kill-kafka");
    }
}
