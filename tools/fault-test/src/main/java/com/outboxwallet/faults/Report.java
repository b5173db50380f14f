package com.outboxwallet.faults;

import com.outboxwallet.faults.FaultRun.Recovery;
import com.outboxwallet.faults.FaultRun.Result;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The run as Markdown: the command that repeats it, what was sent, what was injected, what the check found. */
final class Report {

    private Report() {}

    static String of(Result result) {
        Findings f = result.findings();
        StringBuilder out = new StringBuilder();
        out.append("\n## fault-test — seed ").append(result.settings().seed()).append('\n');
        out.append("- command: `").append(result.settings().command()).append("`\n");
        out.append("- machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores; Java ")
                .append(Runtime.version())
                .append("; ")
                .append(System.getProperty("os.name"))
                .append('\n');
        out.append("- Kafka: ")
                .append(result.settings().kafkaBrokers())
                .append(" broker(s); ")
                .append(result.topic())
                .append('\n');
        out.append("- load: ")
                .append(result.loadTime().toSeconds())
                .append(" s; history: ")
                .append(result.historyDirectory())
                .append("\n\n");
        out.append("| | |\n|---|---:|\n");
        FundedFindings funded = f.funded();
        row(out, "direct top-ups acknowledged", f.acknowledged());
        row(out, "direct top-ups refused", f.refused());
        row(out, "direct top-ups indeterminate (applied at most once)", f.indeterminate());
        row(out, "… of which applied", f.indeterminateApplied());
        row(out, "funded top-ups: payments acknowledged", funded.acknowledged());
        row(out, "… settled and kept (SETTLED)", funded.inState("SETTLED"));
        row(out, "… taken back by the provider (REVERSED)", funded.inState("REVERSED"));
        row(out, "… expired (EXPIRED)", funded.inState("EXPIRED"));
        row(out, "… cancelled, denied or never opened (FAILED)", funded.inState("FAILED"));
        row(out, "… held for an operator (HELD)", funded.inState("HELD"));
        row(out, "… still open (REQUESTED, PENDING)", funded.inState("REQUESTED") + funded.inState("PENDING"));
        row(out, "HTTP attempts", f.attempts());
        row(out, "rows in top_ups (direct, and credits by settlements)", f.topUpRows());
        row(out, "… credits by settlements", funded.credited());
        row(out, "credits reversed (compensated)", funded.reversals());
        out.append("| shortfall of those reversals (owed) | ")
                .append(funded.shortfall().toPlainString())
                .append(" |\n");
        row(out, "**lost**", f.lost());
        row(out, "**double-applied**", f.doubleApplied());
        row(out, "**funded: settled and never credited, or acknowledged and not recorded**", funded.lost());
        row(out, "**funded: credited more than once**", funded.doubleCredited());
        row(out, "funded: credited without a settlement", funded.creditedUnpaid());
        row(out, "funded: reversed at the provider, credit never taken back", funded.uncompensated());
        row(out, "reversals the ledger did not book as made", funded.ledgerMismatches());
        row(out, "top-ups or payments no client sent", f.unsent() + funded.unsent());
        row(out, "wallets whose balance, top-ups less reversals and ledger disagree", f.balanceMismatches());
        row(out, "sequence gaps on the topic", f.sequenceGaps());
        row(out, "records on the topic", f.topicRecords());
        row(out, "duplicates delivered (absorbed by the ledger)", f.topicDuplicates());
        row(out, "poison records written", f.poisonRecords());
        row(out, "dead-lettered (the poison records and nothing else)", f.deadLetters());
        out.append("| reconcile exit code | ").append(f.reconcileExit()).append(" |\n");
        row(out, "instances that exited while starting, started again", result.supervisorRestarts());
        out.append("| longest top-up commit → audit-log commit | ")
                .append(seconds(f.longestLedgerDelay()))
                .append(" s |\n\n");

        out.append("| fault | injected | longest down s | recovery after it, median s | longest s |"
                + " restarted instance ready after, longest s |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        Map<FaultKind, List<Recovery>> byKind = new TreeMap<>(result.recoveries().stream()
                .collect(Collectors.groupingBy(recovery -> recovery.fault().kind())));
        byKind.forEach((kind, recoveries) -> {
            List<Duration> recover = recoveries.stream()
                    .map(Recovery::toRecover)
                    .map(duration -> duration == null ? Duration.ofDays(1) : duration)
                    .sorted()
                    .toList();
            Duration down = recoveries.stream()
                    .map(Recovery::down)
                    .max(Duration::compareTo)
                    .orElse(Duration.ZERO);
            out.append("| ")
                    .append(kind.option())
                    .append(" | ")
                    .append(recoveries.size())
                    .append(" | ")
                    .append(seconds(down))
                    .append(" | ")
                    .append(seconds(median(recover)))
                    .append(" | ")
                    .append(seconds(recover.get(recover.size() - 1)))
                    .append(" | ")
                    .append(recoveries.stream()
                            .map(Recovery::toReady)
                            .filter(Objects::nonNull)
                            .max(Duration::compareTo)
                            .map(Report::seconds)
                            .orElse("–"))
                    .append(" |\n");
        });
        out.append(
                "\nDown: from the fault until what it broke was put back (a killed process started again, a frozen"
                        + " one resumed, an outage over). Recovery: from then until a top-up acknowledged after it was in the"
                        + " ledger's audit log; after a fault of the provider's, a payment opened and paid after it, credited"
                        + " and in the audit log. A restarted instance's readiness is awaited apart while the others serve.\n\n");
        if (result.promiseHeld()) {
            out.append("**The promise held:** nothing lost, nothing applied twice, every check clean.\n");
        } else {
            out.append("**VIOLATIONS** (").append(f.violations().size()).append("; the first 50):\n");
            f.violations().stream()
                    .limit(50)
                    .forEach(violation -> out.append("- ").append(violation).append('\n'));
            result.recoveries().stream()
                    .filter(recovery -> recovery.recoveredAt() == null)
                    .forEach(recovery -> out.append("- no recovery after ")
                            .append(recovery.fault().kind().option())
                            .append(" on ")
                            .append(recovery.fault().target())
                            .append('\n'));
        }
        return out.toString();
    }

    /** The middle of sorted durations; of an even number, the mean of the two middle ones (not the upper one). */
    static Duration median(List<Duration> sorted) {
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1
                ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    private static void row(StringBuilder out, String name, long value) {
        out.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() >= Duration.ofDays(1).toMillis()
                ? "never"
                : String.format("%.1f", duration.toMillis() / 1000.0);
    }
}
