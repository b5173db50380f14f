package com.outboxwallet.local.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outboxwallet.local.Service;
import org.junit.jupiter.api.Test;

class InstancesTest {

    @Test
    void aServiceNotNamedRunsOnce() {
        Instances instances = Instances.parse("api=2, ledger=3");

        assertThat(instances.of(Service.API)).isEqualTo(2);
        assertThat(instances.of(Service.RELAY)).isEqualTo(1);
        assertThat(instances.of(Service.LEDGER)).isEqualTo(3);
        assertThat(Instances.oneEach().counts()).containsValues(1, 1, 1).hasSize(3);
    }

    @Test
    void anUnknownServiceOrACountOutOfRangeIsRefusedWithAnExample() {
        for (String wrong : new String[] {"web=2", "api=0", "api=10", "api", "api=two"}) {
            assertThatThrownBy(() -> Instances.parse(wrong))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("e.g. api=2,relay=2,ledger=2")
                    .hasMessageContaining("'" + wrong + "'");
        }
    }
}
