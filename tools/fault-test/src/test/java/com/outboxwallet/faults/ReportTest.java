package com.outboxwallet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void theMedianOfTwoRecoveriesIsTheirMeanNotTheLongerOne() {
        assertThat(Report.median(List.of(Duration.ofMillis(100), Duration.ofMillis(25_400))))
                .isEqualTo(Duration.ofMillis(12_750));
    }

    @Test
    void theMedianOfAnOddNumberOfRecoveriesIsTheMiddleOne() {
        assertThat(Report.median(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(9))))
                .isEqualTo(Duration.ofSeconds(2));
    }
}
