package com.outboxwallet.infra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;

/**
 * Where each node of a KRaft cluster listens. Every node is a broker and a controller (combined mode): on one machine,
 * three processes rather than six, and a quorum of three controllers that survives one of them down. Node {@code n}
 * (from 1) takes the {@code n}-th broker and controller port.
 *
 * @param clusterId the id every node's log directory is formatted with
 */
public record KafkaCluster(String clusterId, List<Integer> brokerPorts, List<Integer> controllerPorts) {

    public KafkaCluster {
        brokerPorts = List.copyOf(brokerPorts);
        controllerPorts = List.copyOf(controllerPorts);
        if (brokerPorts.isEmpty() || brokerPorts.size() != controllerPorts.size()) {
            throw new IllegalArgumentException("a broker and a controller port for each node, at least one node");
        }
    }

    /**
     * @param nodes           how many nodes: 1, or 3 for a cluster that keeps every acknowledged event with one node down
     * @param firstBrokerPort the first node's broker port, 0 for a free one; the others take free ports
     */
    public static KafkaCluster onFreePorts(int nodes, int firstBrokerPort) {
        if (nodes != 1 && nodes != 3) {
            throw new IllegalArgumentException("1 or 3 Kafka brokers, not " + nodes);
        }
        List<Integer> brokers = new ArrayList<>();
        List<Integer> controllers = new ArrayList<>();
        for (int node = 1; node <= nodes; node++) {
            brokers.add(node == 1 ? FreePorts.orFree(firstBrokerPort) : FreePorts.free());
            controllers.add(FreePorts.free());
        }
        return new KafkaCluster(Uuid.randomUuid().toString(), brokers, controllers);
    }

    public int size() {
        return brokerPorts.size();
    }

    /** Node ids, from 1. */
    public List<Integer> nodeIds() {
        return IntStream.rangeClosed(1, size()).boxed().toList();
    }

    public int brokerPort(int nodeId) {
        return brokerPorts.get(nodeId - 1);
    }

    /** Every broker's address: a client given them all finds the cluster with any one of them down. */
    public String bootstrapServers() {
        return brokerPorts.stream().map(port -> "localhost:" + port).collect(Collectors.joining(","));
    }

    /** Replicas of every topic: three on a cluster of three, else one. */
    public short replicationFactor() {
        return (short) Math.min(3, size());
    }

    /** Replicas that must have a record before {@code acks=all} acknowledges it: two of three, so one may be down. */
    public int minInsyncReplicas() {
        return size() >= 3 ? 2 : 1;
    }

    String quorumVoters() {
        return nodeIds().stream()
                .map(node -> node + "@localhost:" + controllerPorts.get(node - 1))
                .collect(Collectors.joining(","));
    }

    /** As a single command-line argument: {@code <cluster id>/<broker ports>/<controller ports>}. */
    public String asArgument() {
        return clusterId + "/" + join(brokerPorts) + "/" + join(controllerPorts);
    }

    public static KafkaCluster parse(String argument) {
        String[] parts = argument.split("/");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a cluster as <id>/<broker ports>/<controller ports>, not " + argument);
        }
        return new KafkaCluster(parts[0], ports(parts[1]), ports(parts[2]));
    }

    private static String join(List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> ports(String text) {
        return Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
    }
}
