package com.outboxwallet.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaClusterTest {

    @Test
    void aClusterOfThreeKeepsThreeReplicasTwoInSync() {
        KafkaCluster cluster = new KafkaCluster(
                "id",
                List.of("localhost", "localhost", "localhost"),
                List.of(9092, 9093, 9094),
                List.of(9192, 9193, 9194));

        assertThat(cluster.replicationFactor()).isEqualTo((short) 3);
        assertThat(cluster.minInsyncReplicas()).isEqualTo(2);
        assertThat(cluster.bootstrapServers()).isEqualTo("localhost:9092,localhost:9093,localhost:9094");
        assertThat(cluster.quorumVoters()).isEqualTo("1@localhost:9192,2@localhost:9193,3@localhost:9194");
        assertThat(cluster.brokerPort(2)).isEqualTo(9093);
    }

    @Test
    void aBrokerAloneIsItsOwnReplica() {
        KafkaCluster alone = new KafkaCluster("id", List.of("localhost"), List.of(9092), List.of(9192));

        assertThat(alone.replicationFactor()).isEqualTo((short) 1);
        assertThat(alone.minInsyncReplicas()).isEqualTo(1);
    }

    @Test
    void eachNodeListensAtItsOwnHostWhenItHasOne() {
        KafkaCluster cluster = KafkaCluster.onFreePorts(9092, List.of("10.231.0.11", "10.231.0.12", "10.231.0.13"));

        assertThat(cluster.bootstrapServers()).startsWith("10.231.0.11:9092,10.231.0.12:");
        assertThat(cluster.quorumVoters()).startsWith("1@10.231.0.11:").contains(",3@10.231.0.13:");
        assertThat(cluster.host(2)).isEqualTo("10.231.0.12");
    }

    @Test
    void aClusterTravelsAsOneArgumentToTheBrokersProcesses() {
        KafkaCluster cluster = KafkaCluster.onFreePorts(0, List.of("10.231.0.11", "10.231.0.12", "10.231.0.13"));

        assertThat(KafkaCluster.parse(cluster.asArgument())).isEqualTo(cluster);
        assertThatThrownBy(() -> KafkaCluster.onFreePorts(2, 0)).hasMessageContaining("1 or 3");
        assertThatThrownBy(() -> KafkaCluster.parse("id/9092")).hasMessageContaining("<id>/<hosts>/<broker ports>");
    }
}
