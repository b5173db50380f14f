package com.outboxwallet.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outboxwallet.relay.RelayProperties.Leadership;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeadershipSettingsTest {

    @Test
    void aLeaseThatALiveLeaderCouldMissBetweenTwoChecksIsRefused() {
        assertThatThrownBy(() -> new Leadership(Duration.ofSeconds(2), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relay.leadership.lease (PT5S) must be at least three times");
        assertThat(new Leadership(Duration.ofSeconds(2), Duration.ofSeconds(6)).lease())
                .isEqualTo(Duration.ofSeconds(6));
    }
}
