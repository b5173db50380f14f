package com.outboxwallet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessUsageTest {

    @Test
    void countsTheCpuAProcessSpendsBetweenTwoSnapshots() {
        ProcessUsage self = ProcessUsage.of("this JVM", ProcessHandle.current());
        ProcessUsage.Snapshot before = ProcessUsage.Snapshot.of(List.of(self));

        spinFor(100);

        double[] millis = ProcessUsage.Snapshot.of(List.of(self)).millisPer(before, 1);
        // The process spent at least what this thread did, less one clock tick (10 ms) of /proc's granularity.
        assertThat(millis[0]).isGreaterThanOrEqualTo(90);
    }

    @Test
    void readsTheResidentMemoryOfALiveProcess() {
        assertThat(ProcessUsage.of("this JVM", ProcessHandle.current())
                        .residentBytes()
                        .orElseThrow())
                .isGreaterThan(16L * 1024 * 1024);
    }

    @Test
    void saysNothingOfAProcessThatIsGone() throws Exception {
        Process child = new ProcessBuilder("true").start();
        child.waitFor();

        ProcessUsage gone = ProcessUsage.of("gone", child.toHandle());

        assertThat(gone.cpuNanos()).isEmpty();
        assertThat(gone.residentBytes()).isEmpty();
    }

    /** Until this thread has used that much CPU, however busy the machine. */
    private static void spinFor(long cpuMillis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + cpuMillis * 1_000_000;
        while (threads.getCurrentThreadCpuTime() < end) {
            Thread.onSpinWait();
        }
    }
}
