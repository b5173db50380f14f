package com.outboxwallet.local;

import com.outboxwallet.infra.FreePorts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.utils.SecurityUtils;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker in this JVM, configured as compose's: {@code deploy/kafka/server.properties} with only its ports,
 * host name and log directory changed, its log directory formatted with the admin's SCRAM credentials as
 * {@code start-broker.sh} does, then the relay's, the ledger's and the reader's users and {@code deploy/kafka/acls.conf}
 * applied as {@code setup.sh} does. Each user's password is {@code <user>-test-password}.
 */
final class ComposeKafkaBroker implements AutoCloseable {

    static final Path DEPLOY = Path.of("..", "..", "deploy", "kafka");
    static final List<String> USERS = List.of("relay", "ledger", "reader");

    private static final String MECHANISM = "SCRAM-SHA-512";
    /** compose's host and ports, and what stands for them here. */
    private static final String COMPOSE_HOST = "kafka";

    private final KafkaRaftServer server;
    private final int internalPort;

    private ComposeKafkaBroker(KafkaRaftServer server, int internalPort) {
        this.server = server;
        this.internalPort = internalPort;
    }

    static ComposeKafkaBroker start(Path logDirectory) {
        Properties config = composeConfig();
        Map<String, String> ports = Map.of(
                ":29092", ":" + FreePorts.free(), ":9092", ":" + FreePorts.free(), ":9093", ":" + FreePorts.free());
        for (String name : List.of("listeners", "advertised.listeners", "controller.quorum.voters")) {
            String value = config.getProperty(name);
            for (Map.Entry<String, String> port : ports.entrySet()) {
                value = value.replace(port.getKey() + ",", port.getValue() + ",");
                if (value.endsWith(port.getKey())) {
                    value = value.substring(0, value.length() - port.getKey().length()) + port.getValue();
                }
            }
            config.setProperty(
                    name,
                    value.replace("//" + COMPOSE_HOST + ":", "//localhost:").replace("://:", "://localhost:"));
        }
        config.setProperty("log.dirs", logDirectory.toString());
        // As start-broker.sh: the broker's own login, as admin, on the listener brokers talk to each other on.
        config.setProperty(
                "listener.name."
                        + config.getProperty("inter.broker.listener.name").toLowerCase(Locale.ROOT)
                        + ".scram-sha-512.sasl.jaas.config",
                jaas("admin"));
        try {
            Files.createDirectories(logDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(Integer.parseInt(config.getProperty("node.id")))
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(logDirectory.toString())
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName(config.getProperty("controller.listener.names"))
                    .setScramArguments(List.of(MECHANISM + "=[name=admin,password=" + password("admin") + "]"))
                    .run();
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
            server.startup();
            int internal = Integer.parseInt(ports.get(":29092").substring(1));
            ComposeKafkaBroker broker = new ComposeKafkaBroker(server, internal);
            broker.setUp();
            return broker;
        } catch (Exception e) {
            throw new IllegalStateException("the compose-shaped Kafka broker did not start", e);
        }
    }

    /** The listener the services use (compose's INTERNAL, kafka:29092). */
    String bootstrapServers() {
        return "localhost:" + internalPort;
    }

    /** A Kafka client's settings as that user, on this broker. */
    Map<String, Object> clientOf(String user) {
        Map<String, Object> client = new HashMap<>();
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        client.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        client.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        client.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user));
        return client;
    }

    /** A service's settings as that user: what compose's SPRING_KAFKA_* environment says, as arguments. */
    List<String> springSettingsOf(String user) {
        return List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                "--spring.kafka.security.protocol=SASL_PLAINTEXT",
                "--spring.kafka.properties.sasl.mechanism=" + MECHANISM,
                "--spring.kafka.properties.sasl.jaas.config=" + jaas(user));
    }

    static String password(String user) {
        return user + "-test-password";
    }

    private static String jaas(String user) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password(user) + "\";";
    }

    /** As setup.sh: the users' SCRAM credentials, then the grants of acls.conf, as admin. */
    private void setUp() throws Exception {
        try (Admin admin = Admin.create(clientOf("admin"))) {
            List<UserScramCredentialUpsertion> users = new ArrayList<>();
            for (String user : USERS) {
                users.add(new UserScramCredentialUpsertion(
                        user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password(user)));
            }
            admin.alterUserScramCredentials(new ArrayList<>(users)).all().get(60, TimeUnit.SECONDS);
            admin.createAcls(grants()).all().get(60, TimeUnit.SECONDS);
        }
    }

    /** acls.conf, read as setup.sh reads it: {@code <user> <resource type> <name> <pattern> <operations>}. */
    static List<AclBinding> grants() throws IOException {
        List<AclBinding> grants = new ArrayList<>();
        for (String line : Files.readAllLines(DEPLOY.resolve("acls.conf"))) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] fields = line.strip().split("\\s+");
            if (fields.length != 5) {
                throw new IllegalStateException("acls.conf: not <user> <type> <name> <pattern> <operations>: " + line);
            }
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

    private static Properties composeConfig() {
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(DEPLOY.resolve("server.properties"))) {
            config.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
