package com.outboxwallet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.faults.FaultRun.Result;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Partitions where network namespaces are refused: each service instance reaches PostgreSQL and Redis through proxies
 * of its own, which hold (cut) and slow its links. A short run with each of those faults once, and the full check.
 */
class ProxiedPartitionsIT {

    @Test
    void linksCutAndSlowedByProxiesLoseNothingAndApplyNothingTwice() {
        FaultTestSettings settings = FaultTestSettings.parse(
                "--seed=20261206",
                "--top-ups=600",
                "--rate=40",
                "--funded-percent=0",
                "--users=20",
                "--partitions=proxies",
                "--clients=8",
                "--faults-each=1",
                "--faults=cut-api-postgres,cut-api-redis,cut-relay-leader-postgres,cut-ledger-postgres,slow-api-redis",
                "--outage-seconds=8",
                "--gap-seconds=1",
                "--instances=api=2,relay=2,ledger=2",
                "--history-dir=target/fault-test");
        Set<FaultKind> proxied = EnumSet.copyOf(FaultKind.PARTITIONS);
        proxied.removeAll(FaultKind.NAMESPACES_ONLY);
        assertThat(settings.kinds()).as("every partition proxies can make").isEqualTo(proxied);

        Result result = FaultRun.run(settings, System.out);

        Findings findings = result.findings();
        assertThat(findings.violations())
                .as("violations; history in " + result.historyDirectory())
                .isEmpty();
        assertThat(findings.lost()).isZero();
        assertThat(findings.doubleApplied()).isZero();
        assertThat(result.recoveries())
                .extracting(recovery -> recovery.fault().kind())
                .containsExactlyInAnyOrderElementsOf(proxied);
        assertThat(result.recoveries())
                .allSatisfy(recovery -> assertThat(recovery.recoveredAt()).isNotNull());
        assertThat(result.promiseHeld()).isTrue();
    }
}
