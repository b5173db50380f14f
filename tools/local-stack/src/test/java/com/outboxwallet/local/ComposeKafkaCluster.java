package com.outboxwallet.local;

import static org.awaitility.Awaitility.await;

import com.outboxwallet.infra.FreePorts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.utils.SecurityUtils;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * compose's three Kafka brokers, in this JVM: each node's {@code server.properties} is what
 * {@code deploy/kafka/start-broker.sh --print-config} prints for it, with only its host names, ports and log directory
 * changed (compose's {@code kafka-N:29092} and {@code :9093} become a free port on localhost for each node); its log
 * directory formatted with the admin's SCRAM credentials as {@code start-broker.sh} does; then, as {@code setup.sh}
 * does, the topics of {@code topics.conf}, the relay's, the ledger's and the reader's users and
 * {@code deploy/kafka/acls.conf}. Each user's password is {@code <user>-test-password}.
 */
final class ComposeKafkaCluster implements AutoCloseable {

    static final Path DEPLOY = Path.of("..", "..", "deploy", "kafka");
    static final List<String> USERS = List.of("relay", "ledger", "reader");
    static final List<Integer> NODES = List.of(1, 2, 3);
    /** Each node's EXTERNAL port in compose (docker-compose.yml, KAFKA_EXTERNAL_PORT, checked by check-compose). */
    static final Map<Integer, Integer> EXTERNAL_PORTS = Map.of(1, 9092, 2, 9192, 3, 9292);

    private static final String MECHANISM = "SCRAM-SHA-512";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The nodes still running. */
    private final Map<Integer, KafkaRaftServer> servers;
    /** Each node's compose listener name, as in the printed configuration, to its port here. */
    private final Map<Integer, Map<String, Integer>> ports;

    private ComposeKafkaCluster(Map<Integer, KafkaRaftServer> servers, Map<Integer, Map<String, Integer>> ports) {
        this.servers = servers;
        this.ports = ports;
    }

    /** The three nodes, formed into a cluster, with setup.sh's topics, users and ACLs. */
    static ComposeKafkaCluster start(Path directory) {
        Map<Integer, Map<String, Integer>> ports = new HashMap<>();
        for (int node : NODES) {
            ports.put(
                    node,
                    Map.of("INTERNAL", FreePorts.free(), "EXTERNAL", FreePorts.free(), "CONTROLLER", FreePorts.free()));
        }
        String clusterId = Uuid.randomUuid().toString();
        Map<Integer, KafkaRaftServer> servers = new ConcurrentHashMap<>();
        // Each node waits for a quorum of the controllers as it starts: all three start together.
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (int node : NODES) {
            Properties config = localConfig(node, ports, directory.resolve("kafka-" + node));
            starting.add(CompletableFuture.runAsync(() -> servers.put(node, startNode(config, clusterId))));
        }
        ComposeKafkaCluster cluster = new ComposeKafkaCluster(servers, ports);
        try {
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            cluster.setUp();
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw new IllegalStateException("compose's Kafka cluster did not start", e);
        }
    }

    /** What {@code start-broker.sh --print-config} prints for that node, with the test's passwords. */
    static Properties printedConfig(int node) {
        ProcessBuilder script = new ProcessBuilder(
                        "bash", DEPLOY.resolve("start-broker.sh").toString(), "--print-config")
                .redirectErrorStream(true);
        script.environment().put("KAFKA_NODE_ID", Integer.toString(node));
        script.environment().put("KAFKA_EXTERNAL_PORT", Integer.toString(EXTERNAL_PORTS.get(node)));
        script.environment().put("KAFKA_ADMIN_PASSWORD", password("admin"));
        script.environment().put("KAFKA_CONTROLLER_PASSWORD", password("controller"));
        try {
            Process process = script.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        "start-broker.sh --print-config failed for node " + node + ": " + output);
            }
            Properties config = new Properties();
            config.load(new StringReader(output));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The printed configuration with compose's host names and ports, and its log directory, made this machine's. */
    private static Properties localConfig(int node, Map<Integer, Map<String, Integer>> ports, Path logDirectory) {
        Properties config = printedConfig(node);
        config.setProperty("listeners", localListeners(config.getProperty("listeners"), ports.get(node)));
        config.setProperty(
                "advertised.listeners", localListeners(config.getProperty("advertised.listeners"), ports.get(node)));
        // id@kafka-<id>:9093, each voter's controller listener
        config.setProperty(
                "controller.quorum.voters",
                Arrays.stream(config.getProperty("controller.quorum.voters").split(","))
                        .map(voter -> {
                            int id = Integer.parseInt(voter.substring(0, voter.indexOf('@')));
                            if (!voter.startsWith(id + "@kafka-" + id + ":")) {
                                throw new IllegalStateException("a voter not at compose's kafka-<id>: " + voter);
                            }
                            return id + "@localhost:" + ports.get(id).get("CONTROLLER");
                        })
                        .collect(Collectors.joining(",")));
        config.setProperty("log.dirs", logDirectory.toString());
        return config;
    }

    /** Each {@code NAME://host:port} as {@code NAME://localhost:<this node's port for NAME>}. */
    private static String localListeners(String listeners, Map<String, Integer> ports) {
        return Arrays.stream(listeners.split(","))
                .map(listener -> {
                    String name = listener.substring(0, listener.indexOf("://"));
                    return name + "://localhost:" + ports.get(name);
                })
                .collect(Collectors.joining(","));
    }

    private static KafkaRaftServer startNode(Properties config, String clusterId) {
        String logDirectory = config.getProperty("log.dirs");
        try {
            Files.createDirectories(Path.of(logDirectory));
            // As start-broker.sh: kafka-storage.sh format --add-scram "SCRAM-SHA-512=[name=admin,password=…]"
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(Integer.parseInt(config.getProperty("node.id")))
                    .setClusterId(clusterId)
                    .addDirectory(logDirectory)
                    .setMetadataLogDirectory(logDirectory)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName(config.getProperty("controller.listener.names"))
                    .setScramArguments(List.of(MECHANISM + "=[name=admin,password=" + password("admin") + "]"))
                    .run();
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
            server.startup();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka node " + config.getProperty("node.id") + " did not start", e);
        }
    }

    /** The listener the services use (compose's INTERNAL, kafka-1:29092,kafka-2:29092,kafka-3:29092). */
    String bootstrapServers() {
        return NODES.stream()
                .map(node -> "localhost:" + ports.get(node).get("INTERNAL"))
                .collect(Collectors.joining(","));
    }

    /** A Kafka client's settings as that user, on this cluster. */
    Map<String, Object> clientOf(String user) {
        Map<String, Object> client = new HashMap<>();
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        client.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        client.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        client.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user));
        return client;
    }

    /**
     * A service's settings as that user: what compose's environment says (SPRING_KAFKA_*, and the relay's
     * RELAY_TOPIC_*), as arguments.
     */
    List<String> springSettingsOf(String user) {
        List<String> settings = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                "--spring.kafka.security.protocol=SASL_PLAINTEXT",
                "--spring.kafka.properties.sasl.mechanism=" + MECHANISM,
                "--spring.kafka.properties.sasl.jaas.config=" + jaas(user)));
        if (user.equals("relay")) {
            settings.addAll(List.of("--relay.topic.replicas=3", "--relay.topic.min-insync-replicas=2"));
        }
        return settings;
    }

    /** Stops that node, as {@code docker compose stop kafka-<node>} would: a controlled shutdown. */
    void stop(int node) {
        KafkaRaftServer server = servers.remove(node);
        if (server == null) {
            throw new IllegalArgumentException("node " + node + " is not running");
        }
        server.shutdown();
        server.awaitShutdown();
    }

    static String password(String user) {
        return user + "-test-password";
    }

    private static String jaas(String user) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password(user) + "\";";
    }

    /** As setup.sh: all three brokers in the cluster, the topics, the users' SCRAM credentials, the grants. */
    private void setUp() throws Exception {
        try (Admin admin = Admin.create(clientOf("admin"))) {
            await().atMost(TIMEOUT)
                    .ignoreExceptions()
                    .until(() -> admin.describeCluster()
                                    .nodes()
                                    .get(5, TimeUnit.SECONDS)
                                    .size()
                            == NODES.size());
            for (NewTopic topic : topics()) {
                try {
                    admin.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            List<UserScramCredentialUpsertion> users = new ArrayList<>();
            for (String user : USERS) {
                users.add(new UserScramCredentialUpsertion(
                        user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password(user)));
            }
            admin.alterUserScramCredentials(new ArrayList<>(users)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            admin.createAcls(grants()).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** topics.conf, read as setup.sh reads it: {@code <topic> <partitions> <replication factor> <configs>}. */
    static List<NewTopic> topics() throws IOException {
        List<NewTopic> topics = new ArrayList<>();
        for (String[] fields : entries("topics.conf", 4)) {
            Map<String, String> configs = new HashMap<>();
            for (String config : fields[3].split(",")) {
                configs.put(config.substring(0, config.indexOf('=')), config.substring(config.indexOf('=') + 1));
            }
            topics.add(
                    new NewTopic(fields[0], Integer.parseInt(fields[1]), Short.parseShort(fields[2])).configs(configs));
        }
        return topics;
    }

    /** acls.conf, read as setup.sh reads it: {@code <user> <resource type> <name> <pattern> <operations>}. */
    static List<AclBinding> grants() throws IOException {
        List<AclBinding> grants = new ArrayList<>();
        for (String[] fields : entries("acls.conf", 5)) {
            ResourcePattern resource = new ResourcePattern(
                    SecurityUtils.resourceType(fields[1]),
                    fields[2],
                    PatternType.valueOf(fields[3].toUpperCase(Locale.ROOT)));
            for (String operation : fields[4].split(",")) {
                grants.add(new AclBinding(
                        resource,
                        new AccessControlEntry(
                                "User:" + fields[0],
                                "*",
                                SecurityUtils.operation(operation),
                                AclPermissionType.ALLOW)));
            }
        }
        return grants;
    }

    /** The lines of one of deploy/kafka's files that are neither blank nor comments, each split into its fields. */
    private static List<String[]> entries(String file, int fields) throws IOException {
        List<String[]> entries = new ArrayList<>();
        for (String line : Files.readAllLines(DEPLOY.resolve(file))) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] entry = line.strip().split("\\s+");
            if (entry.length != fields) {
                throw new IllegalStateException(file + ": not " + fields + " fields: " + line);
            }
            entries.add(entry);
        }
        return entries;
    }

    /** Every node still running, together: a node left without a quorum of controllers is slow to stop alone. */
    @Override
    public void close() {
        CompletableFuture.allOf(List.copyOf(servers.keySet()).stream()
                        .map(node -> CompletableFuture.runAsync(() -> stop(node)))
                        .toArray(CompletableFuture[]::new))
                .join();
    }
}
