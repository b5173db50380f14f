package com.outboxwallet.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void neverHandsOutTheSamePortTwice() {
        List<Integer> ports =
                IntStream.range(0, 500).mapToObj(i -> FreePorts.free()).toList();

        assertThat(ports)
                .doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(FreePorts.inUse(port)).isFalse());
    }

    @Test
    void handsOutPortsBelowTheKernelsEphemeralRangeWhereItHasOne() throws Exception {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        int ephemeralStart = Files.exists(range)
                ? Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0])
                : Integer.MAX_VALUE;

        List<Integer> ports =
                IntStream.range(0, 200).mapToObj(i -> FreePorts.free()).toList();

        assertThat(ports).allSatisfy(port -> assertThat(port).isBetween(10_000, Math.min(ephemeralStart, 65_535) - 1));
    }
}
