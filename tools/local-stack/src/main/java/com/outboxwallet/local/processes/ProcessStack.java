package com.outboxwallet.local.processes;

import com.outboxwallet.infra.EmbeddedKafkaServer;
import com.outboxwallet.infra.EmbeddedPostgresServer;
import com.outboxwallet.infra.EmbeddedRedisServer;
import com.outboxwallet.infra.FreePorts;
import com.outboxwallet.infra.KafkaCluster;
import com.outboxwallet.infra.NetworkListener;
import com.outboxwallet.infra.PostgresStandby;
import com.outboxwallet.local.InfrastructureEndpoints;
import com.outboxwallet.local.Service;
import com.outboxwallet.local.network.HostNetwork;
import com.outboxwallet.local.network.LinkProxy;
import com.outboxwallet.local.network.Links;
import com.outboxwallet.local.network.NetworkNamespaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline with a process per service: PostgreSQL and Redis as the servers they are, Kafka in a JVM of its own,
 * and each instance of each service from its own executable jar in its own JVM, so that any one of them can be
 * killed, frozen or restarted while the others run. Services stop before Kafka, Kafka before Redis and PostgreSQL.
 */
public final class ProcessStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProcessStack.class);
    public static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    /** The standby's name: its replication slot and application_name on the primary. */
    private static final String STANDBY = "standby";
    /** On a network of namespaces: PostgreSQL's first node (the primary at first) and its standby's. */
    public static final List<String> POSTGRES_HOSTS = List.of("postgres-1", "postgres-2");

    public static final String REDIS_HOST = "redis";

    /**
     * @param kafkaPort       the first broker's port, 0 for a free one
     * @param kafkaBrokers    1, or 3 for a cluster whose topics keep every acknowledged event with one broker down
     * @param postgresStandby whether PostgreSQL has a synchronous streaming standby, which the services reach through
     *                        a multi-host URL once it is promoted ({@link #failOverPostgres()})
     * @param firstPorts      the first instance's port of each service, 0 for a free one; later instances take free
     *                        ports
     * @param serviceSettings command-line settings on top of the local profile's, per service
     * @param serviceJvmFlags each service JVM's flags, such as {@code -Xmx512m}
     * @param instanceJvmFlags more flags for some instances, by name ({@code api-2}): to compare two JVMs of a service
     *                        side by side in one stack
     */
    public record Settings(
            Path dataDir,
            int postgresPort,
            int kafkaPort,
            int kafkaBrokers,
            boolean postgresStandby,
            int redisPort,
            Map<Service, Integer> firstPorts,
            Instances instances,
            Map<Service, List<String>> serviceSettings,
            boolean durable,
            List<String> serviceJvmFlags,
            Map<String, List<String>> instanceJvmFlags) {

        public Settings {
            firstPorts = Map.copyOf(firstPorts);
            serviceSettings = Map.copyOf(serviceSettings);
            serviceJvmFlags = List.copyOf(serviceJvmFlags);
            instanceJvmFlags = Map.copyOf(instanceJvmFlags);
        }
    }

    private final Settings settings;
    private final HostNetwork network;
    private final ExecutableJars jars;
    /** By data directory: a PostgreSQL node keeps its address whether it is the primary or the standby. */
    private final Map<Path, @Nullable NetworkListener> postgresListeners = Collections.synchronizedMap(new HashMap<>());

    private @Nullable LinkProxy redisLink;
    /** Where namespaces are refused: a proxy on each link of each instance, by "client server". */
    private final Map<String, LinkProxy> links = new ConcurrentHashMap<>();
    /** Each PostgreSQL node's port by its host name; a node keeps its port through a fail-over. */
    private final Map<String, Integer> postgresPorts = new ConcurrentHashMap<>();

    private final Map<Service, List<ServiceInstance>> instances = new EnumMap<>(Service.class);
    private final Thread stopOnExit = new Thread(this::stopAll, "process-stack-stop");
    // Set as the stack starts, in this order, and cleared as it stops; null before and after.
    private volatile @Nullable EmbeddedPostgresServer postgres;
    private volatile @Nullable EmbeddedPostgresServer standby;
    private volatile @Nullable EmbeddedRedisServer redis;
    private List<ChildJvm> kafka = List.of();
    private @Nullable KafkaCluster kafkaCluster;
    private @Nullable InfrastructureEndpoints endpoints;

    private ProcessStack(Settings settings, HostNetwork network, ExecutableJars jars) {
        this.settings = settings;
        this.network = network;
        this.jars = jars;
    }

    /** Starts everything on loopback and returns once every instance is ready. */
    public static ProcessStack start(Settings settings) {
        return start(settings, HostNetwork.loopback());
    }

    /**
     * Starts everything on that network and returns once every instance is ready. The network is the caller's to
     * close, after the stack.
     */
    public static ProcessStack start(Settings settings, HostNetwork network) {
        ProcessStack stack = new ProcessStack(settings, network, ExecutableJars.ofWorkingDirectory());
        // Ctrl-C or SIGTERM of this JVM stops the children too; they are processes of their own and would outlive it.
        Runtime.getRuntime().addShutdownHook(stack.stopOnExit);
        try {
            stack.startInfrastructure();
            stack.startServices();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startInfrastructure() {
        Path primaryData = settings.dataDir().resolve("postgres");
        NetworkListener primaryListener = network.addServer(POSTGRES_HOSTS.get(0));
        postgresListeners.put(primaryData, primaryListener);
        EmbeddedPostgresServer postgres =
                EmbeddedPostgresServer.start(settings.postgresPort(), primaryData, settings.durable(), primaryListener);
        this.postgres = postgres;
        postgresPorts.put(POSTGRES_HOSTS.get(0), postgres.port());
        NetworkListener redisAddress = network.addServer(REDIS_HOST);
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(settings.redisPort());
        this.redis = redis;
        if (redisAddress != null) {
            // Between namespaces the api reaches Redis through a proxy at Redis's address, which can slow one
            // instance's link (LinkProxy); Redis itself stays on loopback.
            redisLink = LinkProxy.start(
                    new InetSocketAddress(redisAddress.address(), redis.port()),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), redis.port()),
                    redis.port());
        }
        List<String> brokerNames = IntStream.rangeClosed(1, settings.kafkaBrokers())
                // One broker keeps the name and the data directory it always had.
                .mapToObj(node -> settings.kafkaBrokers() == 1 ? "kafka" : "kafka-" + node)
                .toList();
        KafkaCluster cluster = KafkaCluster.onFreePorts(
                settings.kafkaPort(), brokerNames.stream().map(network::addHost).toList());
        kafkaCluster = cluster;
        List<ChildJvm> brokers = new ArrayList<>();
        for (int node : cluster.nodeIds()) {
            String name = brokerNames.get(node - 1);
            brokers.add(new ChildJvm(
                    name,
                    network.launcher(name),
                    List.of(cluster.size() == 1 ? "-Xmx1g" : "-Xmx512m"),
                    List.of(
                            "-jar",
                            jars.localStack().toString(),
                            KafkaBroker.COMMAND,
                            Integer.toString(node),
                            cluster.asArgument(),
                            settings.dataDir().resolve(name).toString()),
                    logOf(name)));
        }
        kafka = List.copyOf(brokers);
        startKafka();
        String wallet = postgres.createDatabase("wallet");
        String ledger = postgres.createDatabase("ledger");
        String hosts = "jdbc:postgresql://" + host(primaryListener) + ":" + postgres.port();
        if (settings.postgresStandby()) {
            Path standbyData = settings.dataDir().resolve("postgres-2");
            NetworkListener standbyListener = network.addServer(POSTGRES_HOSTS.get(1));
            postgresListeners.put(standbyData, standbyListener);
            EmbeddedPostgresServer standby = PostgresStandby.start(postgres, STANDBY, 0, standbyData, standbyListener);
            this.standby = standby;
            postgresPorts.put(POSTGRES_HOSTS.get(1), standby.port());
            // Whichever of the two is the primary: the driver tries both and keeps the one that takes writes.
            hosts += "," + host(standbyListener) + ":" + standby.port();
        }
        String suffix = settings.postgresStandby() ? "?targetServerType=primary" : "";
        if (settings.postgresStandby() || primaryListener != null) {
            wallet = hosts + "/wallet" + suffix;
            ledger = hosts + "/ledger" + suffix;
        }
        endpoints = new InfrastructureEndpoints(
                wallet,
                ledger,
                EmbeddedPostgresServer.USER,
                "",
                cluster.bootstrapServers(),
                "redis://" + host(redisAddress) + ":" + redis.port());
    }

    private static String host(@Nullable NetworkListener listener) {
        return listener == null ? "localhost" : listener.address();
    }

    private void startServices() {
        for (Service service : Service.values()) {
            List<ServiceInstance> started = new ArrayList<>();
            for (int number = 1; number <= settings.instances().of(service); number++) {
                int requested = number == 1 ? settings.firstPorts().getOrDefault(service, 0) : 0;
                int port = requested > 0 ? requested : FreePorts.free();
                String name = hostName(service, number);
                ServiceInstance instance = new ServiceInstance(
                        service, number, network.addHost(name), port, serviceJvm(name, service, port));
                instance.jvm().start();
                started.add(instance);
            }
            instances.put(service, List.copyOf(started));
        }
        all().forEach(instance -> instance.awaitReady(START_TIMEOUT)); // started together, so they start in parallel
    }

    /** The servers as that instance reaches them: each through a proxy of its own, which can hold or slow the link. */
    private InfrastructureEndpoints proxiedEndpoints(String client) {
        String hosts = postgresHosts().stream()
                .map(node -> "localhost:"
                        + link(client, node, Objects.requireNonNull(postgresPorts.get(node)))
                                .port())
                .collect(Collectors.joining(","));
        String suffix = settings.postgresStandby() ? "?targetServerType=primary" : "";
        InfrastructureEndpoints direct = endpoints();
        return new InfrastructureEndpoints(
                "jdbc:postgresql://" + hosts + "/wallet" + suffix,
                "jdbc:postgresql://" + hosts + "/ledger" + suffix,
                direct.databaseUser(),
                direct.databasePassword(),
                direct.kafkaBootstrapServers(),
                "redis://localhost:" + link(client, REDIS_HOST, redis().port()).port());
    }

    private LinkProxy link(String client, String server, int port) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return links.computeIfAbsent(
                client + " " + server,
                key -> LinkProxy.start(
                        new InetSocketAddress(loopback, 0), new InetSocketAddress(loopback, port), port));
    }

    /**
     * The links the fault harness cuts and slows: by routing rules between namespaces, or by the proxies on each
     * link where namespaces are refused. Redis is slowed through its proxy either way.
     */
    public Links links() {
        if (network instanceof NetworkNamespaces namespaces) {
            return new Links() {
                @Override
                public void cut(String client, String server) {
                    namespaces.cut(client, server);
                }

                @Override
                public void heal(String client, String server) {
                    namespaces.heal(client, server);
                }

                @Override
                public void slow(String client, String server, LinkProxy.Slowness slowness) {
                    redisProxy(server).slow(namespaces.address(client), slowness);
                }

                @Override
                public void restore(String client, String server) {
                    redisProxy(server).restore(namespaces.address(client));
                }
            };
        }
        if (!network.proxiesEachLink()) {
            throw new IllegalStateException("on plain loopback no link can be cut or slowed");
        }
        return new Links() {
            @Override
            public void cut(String client, String server) {
                proxy(client, server).hold();
            }

            @Override
            public void heal(String client, String server) {
                proxy(client, server).release();
            }

            @Override
            public void slow(String client, String server, LinkProxy.Slowness slowness) {
                proxy(client, server).slow(InetAddress.getLoopbackAddress().getHostAddress(), slowness);
            }

            @Override
            public void restore(String client, String server) {
                proxy(client, server).restore(InetAddress.getLoopbackAddress().getHostAddress());
            }
        };
    }

    private LinkProxy redisProxy(String server) {
        if (!REDIS_HOST.equals(server) || redisLink == null) {
            throw new IllegalArgumentException(
                    "between namespaces only the links to Redis can be slowed, not " + server);
        }
        return redisLink;
    }

    private LinkProxy proxy(String client, String server) {
        LinkProxy proxy = links.get(client + " " + server);
        if (proxy == null) {
            throw new IllegalArgumentException(
                    "no link from " + client + " to " + server + "; links: " + links.keySet());
        }
        return proxy;
    }

    /** An instance's name, which is also its host's on the network: {@code api-1}. */
    public static String hostName(Service service, int number) {
        return service.shortName() + "-" + number;
    }

    private ChildJvm serviceJvm(String name, Service service, int port) {
        List<String> arguments =
                new ArrayList<>(List.of("-jar", jars.of(service).toString()));
        arguments.addAll(service.localSettings(network.proxiesEachLink() ? proxiedEndpoints(name) : endpoints(), port));
        if (service == Service.RELAY) {
            arguments.add("--relay.instance-id=" + name);
            KafkaCluster cluster = kafkaCluster();
            // The topic as production has it on a cluster of three (the dead-letter topic copies it).
            arguments.add("--relay.topic.replicas=" + cluster.replicationFactor());
            arguments.add("--relay.topic.min-insync-replicas=" + cluster.minInsyncReplicas());
        }
        arguments.addAll(settings.serviceSettings().getOrDefault(service, List.of()));
        // The collector the image runs (Dockerfile): measured here as deployed.
        List<String> flags = new ArrayList<>(List.of("-XX:+UseSerialGC"));
        flags.addAll(settings.serviceJvmFlags());
        flags.addAll(settings.instanceJvmFlags().getOrDefault(name, List.of()));
        return new ChildJvm(name, network.launcher(name), flags, arguments, logOf(name));
    }

    private Path logOf(String name) {
        return settings.dataDir().resolve("logs").resolve(name + ".log");
    }

    /**
     * Starts every broker (again, after {@link ChildJvm#kill()}) on the same ports and data, until the cluster answers
     * with all of them.
     */
    public void startKafka() {
        kafka.forEach(ChildJvm::start); // together: a broker of three waits for a quorum of controllers
        awaitKafka(kafka);
    }

    /** Starts the broker of that node (from 1) again, until the cluster answers with every broker. */
    public void startKafkaBroker(int nodeId) {
        ChildJvm broker = kafkaBrokers().get(nodeId - 1);
        broker.start();
        awaitKafka(List.of(broker));
    }

    private void awaitKafka(List<ChildJvm> started) {
        KafkaCluster cluster = kafkaCluster();
        try {
            EmbeddedKafkaServer.awaitReady(cluster.bootstrapServers(), cluster.size(), START_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Kafka started", e);
        } catch (RuntimeException e) {
            StringBuilder tails = new StringBuilder();
            started.forEach(broker ->
                    tails.append("\n").append(broker.name()).append(":\n").append(broker.tail(40)));
            throw new IllegalStateException("Kafka did not start; the end of its log:" + tails, e);
        }
    }

    /**
     * A fail-over, as an operator or Patroni would do it: the primary killed with SIGKILL, the standby promoted, then
     * the old primary's node made anew, on its port, as the new primary's synchronous standby. Returns once it
     * streams.
     */
    public synchronized void failOverPostgres() {
        EmbeddedPostgresServer old = postgres();
        EmbeddedPostgresServer promoted = started(standby, "PostgreSQL's standby");
        int port = old.port();
        Path data = old.dataDirectory();
        ProcessHandle postmaster = old.postmaster();
        postmaster.destroyForcibly();
        postmaster.onExit().join();
        old.close();
        promoted.promote();
        postgres = promoted;
        standby = null;
        deleteRecursively(data);
        standby = PostgresStandby.start(promoted, STANDBY, port, data, postgresListeners.get(data));
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }

    /** Kills Redis with SIGKILL; {@link #startRedis()} brings an empty one back on the same port. */
    public void killRedis() {
        redis().kill();
    }

    public void startRedis() {
        redis = EmbeddedRedisServer.start(redis().port());
    }

    /** The hosts of PostgreSQL's nodes: the first, and the standby's if there is one. */
    public List<String> postgresHosts() {
        return settings.postgresStandby() ? POSTGRES_HOSTS : POSTGRES_HOSTS.subList(0, 1);
    }

    public EmbeddedPostgresServer postgres() {
        return started(postgres, "PostgreSQL");
    }

    public EmbeddedRedisServer redis() {
        return started(redis, "Redis");
    }

    /** The Kafka brokers, node 1 first. */
    public List<ChildJvm> kafkaBrokers() {
        if (kafka.isEmpty()) {
            throw new IllegalStateException("Kafka is not running: the stack has not started, or has stopped");
        }
        return kafka;
    }

    public KafkaCluster kafkaCluster() {
        return started(kafkaCluster, "Kafka");
    }

    public InfrastructureEndpoints endpoints() {
        return started(endpoints, "the infrastructure");
    }

    private static <T> T started(@Nullable T part, String what) {
        if (part == null) {
            throw new IllegalStateException(what + " is not running: the stack has not started, or has stopped");
        }
        return part;
    }

    public List<ServiceInstance> instances(Service service) {
        return instances.getOrDefault(service, List.of());
    }

    public List<ServiceInstance> all() {
        return instances.values().stream().flatMap(List::stream).toList();
    }

    /** Where each process sits: loopback, or network namespaces whose links the fault harness cuts. */
    public HostNetwork network() {
        return network;
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or has run
        }
    }

    /** The ledger stops consuming before the relay stops publishing, the relay before the API stops taking top-ups. */
    private synchronized void stopAll() {
        List<Service> order = List.of(Service.LEDGER, Service.RELAY, Service.API);
        for (Service service : order) {
            instances(service).forEach(instance -> instance.jvm().stop());
        }
        // Together: a broker left alone without a quorum of controllers waits minutes to shut down cleanly.
        CompletableFuture.allOf(kafka.stream()
                        .map(broker -> CompletableFuture.runAsync(broker::stop))
                        .toArray(CompletableFuture[]::new))
                .join();
        if (redisLink != null) {
            redisLink.close();
        }
        links.values().forEach(LinkProxy::close);
        if (redis != null) {
            try {
                redis.close();
            } catch (RuntimeException alreadyGone) {
                log.debug("Redis was not running", alreadyGone);
            }
            redis = null;
        }
        if (standby != null) {
            standby.close();
            standby = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
