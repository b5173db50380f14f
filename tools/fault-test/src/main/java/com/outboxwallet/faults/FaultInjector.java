package com.outboxwallet.faults;

import com.outboxwallet.infra.EmbeddedPostgresServer;
import com.outboxwallet.local.Service;
import com.outboxwallet.local.network.LinkProxy;
import com.outboxwallet.local.network.Links;
import com.outboxwallet.local.network.NetworkNamespaces;
import com.outboxwallet.local.processes.ChildJvm;
import com.outboxwallet.local.processes.ProcessStack;
import com.outboxwallet.local.processes.ServiceInstance;
import com.outboxwallet.paysim.EmbeddedSimulator;
import com.outboxwallet.paysim.Faults;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** Makes one fault happen to the running stack and puts things back the way an operator or orchestrator would. */
final class FaultInjector {

    /** How long a killed process stays down before it is started again (a restart policy's delay). */
    private static final Duration MIN_DOWN = Duration.ofSeconds(1);

    private static final Duration MAX_DOWN = Duration.ofSeconds(5);
    /**
     * Longer than the relay's leadership lease (5 s), so that the standby takes over while the leader is frozen and
     * the leader resumes believing it still leads: what the per-batch fence is for.
     */
    private static final Duration RELAY_PAUSE = Duration.ofSeconds(6);
    /** The redisson-lock strategy's default lease; a holder frozen longer loses its lock while it sleeps. */
    private static final Duration LOCK_LEASE = Duration.ofSeconds(10);
    /** How long {@link FaultKind#KILL_API_MID_WEBHOOK} waits for a notification in flight before it kills anyway. */
    private static final Duration WEBHOOK_WAIT = Duration.ofSeconds(30);

    private static final Map<FaultKind, Service> SERVICE_KILLED = Map.of(
            FaultKind.KILL_API,
            Service.API,
            FaultKind.KILL_RELAY,
            Service.RELAY,
            FaultKind.KILL_LEDGER,
            Service.LEDGER);

    /**
     * @param target     what it hit, e.g. {@code relay-2}
     * @param restoredAt when what it broke was put back: a killed instance started again, an outage ended
     * @param readyAt    for a restarted instance, when its readiness probe answered 200
     */
    record Injected(
            FaultKind kind,
            String target,
            Instant injectedAt,
            Instant restoredAt,
            CompletableFuture<Instant> readyAt) {}

    /** An orchestrator's back-off before it starts a crashed instance again. */
    private static final Duration SUPERVISOR_RESTART_DELAY = Duration.ofSeconds(2);

    private final ProcessStack stack;
    private final PoisonRecords poisonRecords;
    private final List<PoisonRecords.Poison> poisons = new CopyOnWriteArrayList<>();
    private final AtomicInteger supervisorRestarts = new AtomicInteger();
    private final Duration outage;
    private final EmbeddedSimulator provider;

    /** @param provider the payment provider, which notifies the first api-service instance */
    FaultInjector(ProcessStack stack, Duration outage, EmbeddedSimulator provider) {
        this.stack = stack;
        this.outage = outage;
        this.provider = provider;
        this.poisonRecords = new PoisonRecords(stack.endpoints().kafkaBootstrapServers());
    }

    /** Injects the fault and returns once everything it stopped is running again. */
    Injected inject(FaultKind kind, SplittableRandom random) {
        ServiceInstance leader = kind == FaultKind.PAUSE_RELAY_LEADER
                        || kind == FaultKind.CUT_RELAY_LEADER_POSTGRES
                        || kind == FaultKind.CUT_RELAY_KAFKA
                ? RelayLeader.of(stack)
                : null; // found before the clock
        Instant injectedAt = Instant.now();
        CompletableFuture<Instant> readyAt = CompletableFuture.completedFuture(null);
        String target = switch (kind) {
            case KILL_API, KILL_RELAY, KILL_LEDGER, KILL_API_MID_WEBHOOK -> {
                ServiceInstance instance;
                String when = "";
                if (kind == FaultKind.KILL_API_MID_WEBHOOK) {
                    instance = stack.instances(Service.API).get(0); // the one the provider notifies
                    when = awaitNotificationInFlight()
                            ? " (a notification in flight)"
                            : " (no notification in flight within " + WEBHOOK_WAIT.toSeconds() + " s)";
                } else {
                    instance = pick(Objects.requireNonNull(SERVICE_KILLED.get(kind)), random);
                }
                instance.jvm().kill();
                down(random);
                instance.jvm().start();
                // The other instances serve while it starts, as behind a load balancer or in a consumer group;
                // the schedule goes on and the check waits for it.
                readyAt = CompletableFuture.supplyAsync(() -> superviseUntilReady(instance));
                yield instance.name() + when;
            }
            case PAUSE_RELAY_LEADER ->
                pause(Objects.requireNonNull(leader), RELAY_PAUSE.plusMillis(random.nextLong(4000)));
            case PAUSE_LOCK_HOLDER -> pause(pick(Service.API, random), LOCK_LEASE.plusSeconds(2));
            case KILL_KAFKA -> {
                stack.kafkaBrokers().forEach(ChildJvm::kill);
                down(random);
                stack.startKafka();
                yield "kafka";
            }
            case KILL_KAFKA_BROKER -> {
                Map.Entry<Integer, Long> busiest =
                        TopicShape.of(stack.endpoints().kafkaBootstrapServers()).busiestLeader();
                ChildJvm broker = stack.kafkaBrokers().get(busiest.getKey() - 1);
                broker.kill();
                down(random);
                stack.startKafkaBroker(busiest.getKey());
                yield broker.name() + " (leading " + busiest.getValue() + " partitions of " + Checker.TOPIC + ")";
            }
            case FLUSH_REDIS -> {
                stack.redis().flushAll();
                yield "redis";
            }
            case KILL_REDIS -> {
                stack.killRedis();
                down(random);
                stack.startRedis();
                yield "redis";
            }
            case TERMINATE_DATABASE_CONNECTIONS -> {
                sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                        + " AND backend_type IN ('client backend', 'walsender')");
                yield "postgresql";
            }
            case FAILOVER_POSTGRES -> {
                int from = stack.postgres().port();
                stack.failOverPostgres();
                yield "postgresql (primary from port " + from + " to "
                        + stack.postgres().port() + ")";
            }
            case RESTART_POSTGRES -> {
                stack.postgres().crashRestart();
                yield "postgresql";
            }
            case LEDGER_DATABASE_UNREACHABLE -> {
                sql("ALTER DATABASE ledger WITH ALLOW_CONNECTIONS false");
                sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'ledger'");
                LockSupport.parkNanos(outage.toNanos()); // the outage lasts this long
                sql("ALTER DATABASE ledger WITH ALLOW_CONNECTIONS true");
                yield "ledger database";
            }
            case PROVIDER_DOWN -> providerFault(Faults.none().withDown());
            case DUPLICATE_NOTIFICATIONS -> providerFault(Faults.none().withDuplicates(5));
            case OUT_OF_ORDER_NOTIFICATIONS -> providerFault(Faults.none().withOutOfOrder());
            case LOST_NOTIFICATIONS -> providerFault(Faults.none().withNeverNotify());
            case REVERSALS ->
                providerFault(Faults.none().withReverseAfterSettlement(random.nextBoolean() ? "refund" : "chargeback"));
            case CUT_API_POSTGRES -> cut(pick(Service.API, random), stack.postgresHosts(), random);
            case CUT_API_REDIS -> cut(pick(Service.API, random), List.of(ProcessStack.REDIS_HOST), random);
            case CUT_RELAY_LEADER_POSTGRES -> cut(Objects.requireNonNull(leader), stack.postgresHosts(), random);
            case CUT_RELAY_KAFKA -> cut(Objects.requireNonNull(leader), kafkaHosts(), random);
            case CUT_LEDGER_KAFKA -> cut(pick(Service.LEDGER, random), kafkaHosts(), random);
            case CUT_LEDGER_POSTGRES -> cut(pick(Service.LEDGER, random), stack.postgresHosts(), random);
            case SLOW_API_REDIS -> {
                ServiceInstance api = pick(Service.API, random);
                LinkProxy.Slowness slowness = new LinkProxy.Slowness(
                        Duration.ofMillis(20 + random.nextLong(281)), (2 + random.nextInt(9)) / 100.0);
                Duration length = cutLength(random);
                Links links = stack.links();
                links.slow(api.name(), ProcessStack.REDIS_HOST, slowness);
                try {
                    LockSupport.parkNanos(length.toNanos());
                } finally {
                    links.restore(api.name(), ProcessStack.REDIS_HOST);
                }
                yield api.name() + "'s link to redis slowed by "
                        + slowness.latency().toMillis() + " ms each way, " + Math.round(slowness.loss() * 100)
                        + " % loss, for " + length.toSeconds() + " s";
            }
            case ISOLATE_KAFKA_BROKER -> {
                Map.Entry<Integer, Long> busiest =
                        TopicShape.of(stack.endpoints().kafkaBootstrapServers()).busiestLeader();
                String broker = stack.kafkaBrokers().get(busiest.getKey() - 1).name();
                Duration length = cutLength(random);
                namespaces().isolate(broker);
                try {
                    LockSupport.parkNanos(length.toNanos());
                } finally {
                    namespaces().rejoin(broker);
                }
                yield broker + " isolated for " + length.toSeconds() + " s (leading " + busiest.getValue()
                        + " partitions of " + Checker.TOPIC + ")";
            }
            case POISON_RECORD -> {
                PoisonRecords.Poison poison = poisonRecords.write(random);
                poisons.add(poison);
                yield "wallet.events " + poison.position() + " (" + poison.kind() + ")";
            }
        };
        return new Injected(kind, target, injectedAt, Instant.now(), readyAt);
    }

    /**
     * As an orchestrator's restart policy would: an instance that exits while it starts — a service refuses to start
     * without its database, and a later fault may have made it unreachable — is started again after a pause, until
     * it is ready. Each such restart is counted.
     */
    private Instant superviseUntilReady(ServiceInstance instance) {
        Instant deadline = Instant.now().plus(ProcessStack.START_TIMEOUT);
        while (true) {
            try {
                instance.awaitReady(Duration.between(Instant.now(), deadline));
                return Instant.now();
            } catch (ServiceInstance.ExitedWhileStarting exited) {
                if (Instant.now().isAfter(deadline)) {
                    throw exited;
                }
                supervisorRestarts.incrementAndGet();
                LockSupport.parkNanos(SUPERVISOR_RESTART_DELAY.toNanos());
                instance.jvm().start();
            }
        }
    }

    /** Cuts the links between an instance and those servers for a seeded time, then heals them. */
    private String cut(ServiceInstance client, List<String> servers, SplittableRandom random) {
        Duration length = cutLength(random);
        Links links = stack.links();
        servers.forEach(server -> links.cut(client.name(), server));
        try {
            LockSupport.parkNanos(length.toNanos());
        } finally {
            servers.forEach(server -> links.heal(client.name(), server));
        }
        return client.name() + " cut from " + String.join(", ", servers) + " for " + length.toSeconds() + " s";
    }

    /** Between a tenth of the outage and all of it: shorter than the timeouts that notice it, and longer. */
    private Duration cutLength(SplittableRandom random) {
        long shortest = outage.toMillis() / 10;
        return Duration.ofMillis(shortest + random.nextLong(outage.toMillis() - shortest + 1));
    }

    private List<String> kafkaHosts() {
        return stack.kafkaBrokers().stream().map(ChildJvm::name).toList();
    }

    private NetworkNamespaces namespaces() {
        if (stack.network() instanceof NetworkNamespaces namespaces) {
            return namespaces;
        }
        throw new IllegalStateException("isolating a broker needs every process in a network namespace of its own");
    }

    /** The provider misbehaves this way for the outage, then behaves again. */
    private String providerFault(Faults faults) {
        provider.control().faults(faults);
        LockSupport.parkNanos(outage.toNanos());
        provider.control().clearFaults();
        return "payment provider";
    }

    /**
     * Until the provider is delivering a notification (to the first api instance, the only one it notifies), so that
     * the kill lands between the notification's arrival and its answer, or as near as a poll gets.
     */
    private boolean awaitNotificationInFlight() {
        Instant deadline = Instant.now().plus(WEBHOOK_WAIT);
        while (provider.notificationsInFlight() == 0) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
        return true;
    }

    /** The poison records written so far, each of which the ledger must have set aside. */
    List<PoisonRecords.Poison> poisons() {
        return List.copyOf(poisons);
    }

    /** Instances that exited on their own and were started again by {@link #superviseUntilReady}. */
    int supervisorRestarts() {
        return supervisorRestarts.get();
    }

    private static ServiceInstance pick(Service service, List<ServiceInstance> instances, SplittableRandom random) {
        if (instances.isEmpty()) {
            throw new IllegalStateException("no " + service.shortName() + " instance to hit");
        }
        return instances.get(random.nextInt(instances.size()));
    }

    private ServiceInstance pick(Service service, SplittableRandom random) {
        return pick(service, stack.instances(service), random);
    }

    private static void down(SplittableRandom random) {
        LockSupport.parkNanos(
                MIN_DOWN.toNanos() + random.nextLong(MAX_DOWN.minus(MIN_DOWN).toNanos()));
    }

    private static String pause(ServiceInstance instance, Duration length) {
        instance.jvm().pause();
        LockSupport.parkNanos(length.toNanos());
        instance.jvm().resume();
        return instance.name();
    }

    private void sql(String statement) {
        try (Connection connection = DriverManager.getConnection(
                        stack.postgres().jdbcUrl("postgres"), EmbeddedPostgresServer.USER, "");
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + statement, e);
        }
    }
}
