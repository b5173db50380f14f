package com.outboxwallet.infra;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker in KRaft mode (broker and controller in one process), running in this JVM: a cluster of its own,
 * or one node of a {@link KafkaCluster} whose other nodes run in other JVMs.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);

    private final KafkaRaftServer server;
    private final String host;
    private final int port;

    private EmbeddedKafkaServer(KafkaRaftServer server, String host, int port) {
        this.host = host;
        this.server = server;
        this.port = port;
    }

    /** A cluster of one: this broker alone, ready when this returns. */
    public static EmbeddedKafkaServer start(int requestedPort, Path logDirectory) {
        KafkaCluster alone = KafkaCluster.onFreePorts(1, requestedPort);
        EmbeddedKafkaServer kafka = startNode(alone, 1, logDirectory);
        try {
            awaitReady(kafka.bootstrapServers(), 1, Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Kafka started", e);
        }
        return kafka;
    }

    /**
     * One node of the cluster; it serves once a quorum of the cluster's controllers runs ({@link #awaitReady}).
     *
     * @param nodeId from 1
     */
    public static EmbeddedKafkaServer startNode(KafkaCluster cluster, int nodeId, Path logDirectory) {
        int port = cluster.brokerPort(nodeId);
        try {
            Files.createDirectories(logDirectory);
            Properties config = brokerConfig(cluster, nodeId, logDirectory);
            formatIfNew(cluster, nodeId, logDirectory);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
            server.startup();
            log.info(
                    "Kafka (KRaft) node {} of {} listening on {}:{} (logs in {})",
                    nodeId,
                    cluster.size(),
                    cluster.host(nodeId),
                    port,
                    logDirectory);
            return new EmbeddedKafkaServer(server, cluster.host(nodeId), port);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not start on port " + port, e);
        }
    }

    private static Properties brokerConfig(KafkaCluster cluster, int nodeId, Path logDirectory) {
        int port = cluster.brokerPort(nodeId);
        int controllerPort = cluster.controllerPorts().get(nodeId - 1);
        String replicas = Short.toString(cluster.replicationFactor());
        String minInsync = Integer.toString(cluster.minInsyncReplicas());
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(nodeId));
        config.put("controller.quorum.voters", cluster.quorumVoters());
        String host = cluster.host(nodeId);
        config.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logDirectory.toString());
        config.put("num.partitions", "3");
        // On a cluster of three: every topic on three brokers, two of which must hold a record before acks=all
        // acknowledges it, and never a leader elected from a replica that may have missed acknowledged records.
        config.put("default.replication.factor", replicas);
        config.put("min.insync.replicas", minInsync);
        config.put("unclean.leader.election.enable", "false");
        config.put("offsets.topic.replication.factor", replicas);
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", replicas);
        config.put("transaction.state.log.min.isr", minInsync);
        config.put("share.coordinator.state.topic.replication.factor", replicas);
        config.put("share.coordinator.state.topic.min.isr", minInsync);
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "true");
        return config;
    }

    private static void formatIfNew(KafkaCluster cluster, int nodeId, Path logDirectory) throws Exception {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(nodeId)
                .setClusterId(cluster.clusterId())
                .addDirectory(logDirectory.toString())
                .setMetadataLogDirectory(logDirectory.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setControllerListenerName("CONTROLLER")
                .setIgnoreFormatted(true)
                .run();
    }

    /** Until the brokers at those addresses answer with at least that many of their cluster's nodes. */
    public static void awaitReady(String bootstrapServers, int nodes, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        // Until a port is open, an admin client would log a warning on every attempt to connect.
        for (String address : bootstrapServers.split(",")) {
            String host = address.substring(0, address.lastIndexOf(':'));
            int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
            while (!FreePorts.inUse(host, port)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Kafka broker not listening on " + address + " after " + timeout);
                }
                Thread.sleep(100); // polling a port: nothing to wait on but time
            }
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
            while (true) {
                try {
                    if (admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size() >= nodes) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Kafka broker not ready after " + timeout, notYet);
                    }
                }
            }
        }
    }

    public int port() {
        return port;
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
