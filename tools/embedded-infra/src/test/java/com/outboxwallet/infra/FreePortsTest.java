package com.outboxwallet.infra;

import static org.assertj.core.api.Assertions.assertThat;

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
}
