package com.outboxwallet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * What a process costs the machine, read from outside through {@code /proc}: CPU time and resident memory. A server
 * that forks (PostgreSQL) is counted with its children: the live ones, and those that ended, through the times its
 * postmaster collected when it reaped them ({@code cutime}, {@code cstime}).
 *
 * @param name    as the report names it
 * @param tree    whether its children count too
 */
record ProcessUsage(String name, ProcessHandle process, boolean tree) {

    /** Clock ticks per second of {@code /proc/<pid>/stat}: 100 on every Linux this runs on (USER_HZ). */
    private static final long TICKS_PER_SECOND = 100;

    static ProcessUsage of(String name, ProcessHandle process) {
        return new ProcessUsage(name, process, false);
    }

    static ProcessUsage withChildren(String name, ProcessHandle process) {
        return new ProcessUsage(name, process, true);
    }

    /** CPU time used so far, user and system; empty where there is no {@code /proc} to read. */
    OptionalLong cpuNanos() {
        OptionalLong own = ticks(process.pid(), tree);
        if (!tree || own.isEmpty()) {
            return scale(own);
        }
        long total = own.getAsLong();
        for (ProcessHandle child : process.descendants().toList()) {
            total += ticks(child.pid(), false).orElse(0); // a child that ended meanwhile is in its parent's cutime
        }
        return scale(OptionalLong.of(total));
    }

    /** Resident set size in bytes; for a tree, the parent's alone (children share its memory). */
    OptionalLong residentBytes() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst();
        } catch (IOException | RuntimeException gone) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong ticks(long pid, boolean withReapedChildren) {
        return ticks(pid)
                .map(ticks -> OptionalLong.of(withReapedChildren ? ticks[0] + ticks[1] : ticks[0]))
                .orElse(OptionalLong.empty());
    }

    /** A process's own CPU ticks (user + system) and those of its children it reaped; empty when it is gone. */
    static Optional<long[]> ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name, field 2, is in parentheses and may hold spaces: count fields after its ")".
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
            return Optional.of(new long[] {
                Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                Long.parseLong(fields[13]) + Long.parseLong(fields[14])
            });
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    static double millis(long ticks) {
        return ticks * 1000.0 / TICKS_PER_SECOND;
    }

    private static OptionalLong scale(OptionalLong ticks) {
        return ticks.isPresent()
                ? OptionalLong.of(Duration.ofSeconds(1).toNanos() / TICKS_PER_SECOND * ticks.getAsLong())
                : OptionalLong.empty();
    }

    /** CPU time of each process at one moment, to subtract from a later one. */
    record Snapshot(List<ProcessUsage> processes, List<OptionalLong> cpuNanos) {

        static Snapshot of(List<ProcessUsage> processes) {
            return new Snapshot(
                    processes, processes.stream().map(ProcessUsage::cpuNanos).toList());
        }

        /** CPU milliseconds each process used from {@code earlier} to this one, per {@code units}; NaN if unknown. */
        double[] millisPer(Snapshot earlier, long units) {
            double[] millis = new double[processes.size()];
            for (int i = 0; i < millis.length; i++) {
                OptionalLong before = earlier.cpuNanos().get(i);
                OptionalLong after = cpuNanos.get(i);
                millis[i] = before.isPresent() && after.isPresent() && units > 0
                        ? (after.getAsLong() - before.getAsLong()) / 1e6 / units
                        : Double.NaN;
            }
            return millis;
        }
    }
}
