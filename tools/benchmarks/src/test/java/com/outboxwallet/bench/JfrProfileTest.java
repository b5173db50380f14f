package com.outboxwallet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrProfileTest {

    @Test
    void sumsARecordingsCpuSamplesUpByPackage(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("spin.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            Spinner.spin(Duration.ofMillis(500));
            recording.stop();
            recording.dump(file);
        }

        List<String> summary = JfrProfile.summary(file);

        assertThat(summary.getFirst()).startsWith("CPU samples: ").doesNotStartWith("CPU samples: 0 ");
        assertThat(summary).anySatisfy(line -> assertThat(line).startsWith("| `com.outboxwallet.bench` |"));
        assertThat(summary).anySatisfy(line -> assertThat(line).startsWith("| this application |"));
        assertThat(summary).anySatisfy(line -> assertThat(line).startsWith("| Spring Security's filter chain | 0.0 %"));
    }

    /** Burns CPU in this package, so that the samples' top frames are here. */
    static final class Spinner {

        static long spin(Duration length) {
            long end = System.nanoTime() + length.toNanos();
            long x = 1;
            while (System.nanoTime() < end) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            return x;
        }
    }
}
