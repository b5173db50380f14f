package com.outboxwallet.infra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;

/**
 * Where each node of a KRaft cluster listens. Every node is a broker and a controller (combined mode): on one machine,
 * three processes rather than six, and a quorum of three controllers that survives one of them down. Node {@code n}
 * (from 1) takes the {@code n}-th host, broker port and controller port.
 *
 * @param clusterId the id every node's log directory is formatted with
 * @param hosts     the address each node listens on: {@code localhost}, or a network namespace's address of its own
 */
public record KafkaCluster(
        String clusterId, List<String> hosts, List<Integer> brokerPorts, List<Integer> controllerPorts) {

    public KafkaCluster {
        hosts = List.copyOf(hosts);
        brokerPorts = List.copyOf(brokerPorts);
        controllerPorts = List.copyOf(controllerPorts);
        if (brokerPorts.isEmpty()
                || brokerPorts.size() != controllerPorts.size()
                || brokerPorts.size() != hosts.size()) {
            throw new IllegalArgumentException("a host, a broker and a controller port for each node, at least one");
        }
    }

    /**
     * @param nodes           how many nodes: 1, or 3 for a cluster that keeps every acknowledged event with one node down
     * @param firstBrokerPort the first node's broker port, 0 for a free one; the others take free ports
     */
    public static KafkaCluster onFreePorts(int nodes, int firstBrokerPort) {
        return onFreePorts(firstBrokerPort, Collections.nCopies(nodes, "localhost"));
    }

    /**
     * @param firstBrokerPort the first node's broker port, 0 for a free one; the others take free ports
     * @param hosts           each node's address: 1, or 3 for a cluster
     */
    public static KafkaCluster onFreePorts(int firstBrokerPort, List<String> hosts) {
        int nodes = hosts.size();
        if (nodes != 1 && nodes != 3) {
            throw new IllegalArgumentException("1 or 3 Kafka brokers, not " + nodes);
        }
        List<Integer> brokers = new ArrayList<>();
        List<Integer> controllers = new ArrayList<>();
        for (int node = 1; node <= nodes; node++) {
            brokers.add(node == 1 ? FreePorts.orFree(firstBrokerPort) : FreePorts.free());
            controllers.add(FreePorts.free());
        }
        return new KafkaCluster(Uuid.randomUuid().toString(), hosts, brokers, controllers);
    }

    public int size() {
        return brokerPorts.size();
    }

    /** Node ids, from 1. */
    public List<Integer> nodeIds() {
        return IntStream.rangeClosed(1, size()).boxed().toList();
    }

    public String host(int nodeId) {
        return hosts.get(nodeId - 1);
    }

    public int brokerPort(int nodeId) {
        return brokerPorts.get(nodeId - 1);
    }

    /** Every broker's address: a client given them all finds the cluster with any one of them down. */
    public String bootstrapServers() {
        return nodeIds().stream()
                .map(node -> host(node) + ":" + brokerPort(node))
                .collect(Collectors.joining(","));
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
                .map(node -> node + "@" + host(node) + ":" + controllerPorts.get(node - 1))
                .collect(Collectors.joining(","));
    }

    /** As a single command-line argument: {@code <cluster id>/<hosts>/<broker ports>/<controller ports>}. */
    public String asArgument() {
        return clusterId + "/" + join(hosts) + "/" + join(brokerPorts) + "/" + join(controllerPorts);
    }

    public static KafkaCluster parse(String argument) {
        String[] parts = argument.split("/");
        if (parts.length != 4) {
            throw new IllegalArgumentException(
                    "a cluster as <id>/<hosts>/<broker ports>/<controller ports>, not " + argument);
        }
        return new KafkaCluster(parts[0], List.of(parts[1].split(",")), ports(parts[2]), ports(parts[3]));
    }

    private static String join(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> ports(String text) {
        return Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
    }
}
