package com.outboxwallet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.faults.FaultRun.Result;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The short version of {@code bin/fault-test}, on every build: a process per service (two of each), three Kafka
 * brokers and a PostgreSQL standby, each process in a network namespace of its own, 3,000 top-ups over HTTP, a tenth
 * of them funded (payments at the simulated provider, mostly paid), one fault of each kind on a fixed seed (a poison
 * record, the provider's faults, a broker kill, a fail-over and every cut link among them), then the full check, and
 * the ledger back within seconds of its database's outage. The published run is the same code, longer.
 */
class ShortFaultRunIT {

    @Test
    void everyAcknowledgedTopUpIsAppliedOnceAndAuditedOnceThroughOneFaultOfEachKind() {
        FaultTestSettings settings = FaultTestSettings.parse(
                "--seed=20261205",
                "--top-ups=3000",
                "--rate=50",
                "--users=20",
                "--kafka-brokers=3",
                "--postgres-standby",
                "--partitions",
                "--clients=16",
                "--faults-each=1",
                "--outage-seconds=6",
                "--gap-seconds=1",
                "--instances=api=2,relay=2,ledger=2",
                "--history-dir=target/fault-test");

        Result result = FaultRun.run(settings, System.out);

        Findings findings = result.findings();
        assertThat(result.topic().replicas())
                .as("the events topic on every broker")
                .isEqualTo(3);
        assertThat(result.topic().minInsyncReplicas()).isEqualTo("2");
        assertThat(findings.violations())
                .as("violations; history in " + result.historyDirectory())
                .isEmpty();
        assertThat(findings.lost()).isZero();
        assertThat(findings.doubleApplied()).isZero();
        assertThat(findings.acknowledged() + findings.refused() + findings.indeterminate())
                .isGreaterThanOrEqualTo(3000);
        assertThat(findings.topUpRows())
                .isEqualTo(findings.acknowledged()
                        + findings.indeterminateApplied()
                        + findings.funded().credited());
        FundedFindings funded = findings.funded();
        assertThat(funded.lost()).isZero();
        assertThat(funded.doubleCredited()).isZero();
        assertThat(funded.creditedUnpaid()).isZero();
        assertThat(funded.uncompensated()).isZero();
        assertThat(funded.acknowledged()).isGreaterThan(100);
        assertThat(funded.inState("SETTLED")).as("most payers pay").isGreaterThan(funded.acknowledged() / 2);
        assertThat(funded.inState("EXPIRED")).as("some let it expire").isPositive();
        assertThat(funded.inState("FAILED")).as("some cancel").isPositive();
        assertThat(funded.reversals())
                .as("credits taken back: refunds and the reversals fault")
                .isPositive();
        assertThat(result.recoveries())
                .extracting(recovery -> recovery.fault().kind())
                .containsExactlyInAnyOrderElementsOf(settings.kinds());
        assertThat(result.recoveries())
                .allSatisfy(recovery -> assertThat(recovery.recoveredAt()).isNotNull());
        assertThat(settings.kinds()).containsAll(FaultKind.PARTITIONS);
        assertThat(findings.poisonRecords())
                .as("the poison-record fault wrote one")
                .isOne();
        assertThat(findings.deadLetters())
                .as("the poison, and nothing else, dead-lettered")
                .isEqualTo(findings.poisonRecords());
        // Seconds, not the minutes a consumer group waiting on a member stuck in a retry loop took (243 s once).
        assertThat(result.recoveries())
                .filteredOn(recovery -> recovery.fault().kind() == FaultKind.LEDGER_DATABASE_UNREACHABLE)
                .allSatisfy(recovery -> assertThat(recovery.toRecover()).isLessThan(Duration.ofSeconds(30)));
        assertThat(result.promiseHeld()).isTrue();
    }
}
