package com.outboxwallet.faults;

import com.outboxwallet.faults.FaultInjector.Injected;
import com.outboxwallet.faults.FaultSchedule.Planned;
import com.outboxwallet.infra.FreePorts;
import com.outboxwallet.local.InfrastructureEndpoints;
import com.outboxwallet.local.Service;
import com.outboxwallet.local.network.HostNetwork;
import com.outboxwallet.local.network.NetworkNamespaces;
import com.outboxwallet.local.processes.ProcessStack;
import com.outboxwallet.local.processes.ServiceInstance;
import com.outboxwallet.paysim.EmbeddedSimulator;
import com.outboxwallet.paysim.SimulatorControl;
import com.outboxwallet.paysim.SimulatorControl.OrderView;
import com.outboxwallet.paysim.SimulatorProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/fault-test}: the whole pipeline with a process per service, top-ups over HTTP from this process while a
 * seeded schedule of faults hits it, then the check. Exits 0 only if the promise held: nothing lost, nothing applied
 * twice, every other check clean.
 */
public final class FaultRun {

    private static final Logger log = LoggerFactory.getLogger(FaultRun.class);
    /** The local profile's administrator (README). */
    private static final String ADMIN_AUTHORIZATION = basic("admin", "admin-local-pass");
    /** The simulated provider's server key, shared with the api-service instances: a demo credential. */
    private static final String PROVIDER_KEY = "SB-Mid-server-fault-test";
    /**
     * Midtrans's retry schedule (2, 10, 30, 90 and 210 minutes) shortened to seconds, so that a notification the api
     * did not take is retried within the run, and one given up on is left to the reconciliation.
     */
    private static final String PROVIDER_RETRIES = "500ms,1s,2s,5s,10s";

    private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RETRYING_AT_MOST = Duration.ofMinutes(3);
    /**
     * C1 only: a killed service restarts in a third of the CPU time, which on 2 cores shared with the load is the
     * difference between seconds and minutes. What the run measures is correctness, not speed.
     */
    private static final List<String> SERVICE_JVM_FLAGS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");

    /** A fault, and when the pipeline had recovered: a top-up acknowledged after it reached the ledger. */
    record Recovery(Injected fault, @Nullable Instant recoveredAt) {

        Duration down() {
            return Duration.between(fault.injectedAt(), fault.restoredAt());
        }

        @Nullable
        Duration toRecover() {
            return recoveredAt == null ? null : Duration.between(fault.restoredAt(), recoveredAt);
        }

        /** From the restart of a killed instance until it was ready; null for other faults. */
        @Nullable
        Duration toReady() {
            Instant ready = fault.readyAt().join();
            return ready == null ? null : Duration.between(fault.restoredAt(), ready);
        }
    }

    /** @param supervisorRestarts instances that exited on their own while starting and were started again */
    record Result(
            FaultTestSettings settings,
            TopicShape topic,
            Findings findings,
            List<Recovery> recoveries,
            int supervisorRestarts,
            Duration loadTime,
            Path historyDirectory) {

        boolean promiseHeld() {
            return findings.promiseHeld() && recoveries.stream().allMatch(recovery -> recovery.recoveredAt() != null);
        }
    }

    private FaultRun() {}

    public static void main(String[] args) {
        FaultTestSettings settings;
        try {
            settings = FaultTestSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Result result = run(settings, System.out);
            System.exit(result.promiseHeld() ? 0 : 1);
        } catch (RuntimeException e) {
            // The run itself broke (a process that never became ready, say); the clients' threads would keep this
            // JVM alive, so exit, and the stack's shutdown hook stops every process.
            log.error("The fault test could not complete its run", e);
            System.exit(2);
        }
    }

    static String username(int user) {
        return "fault-" + user;
    }

    public static Result run(FaultTestSettings settings, PrintStream out) {
        Path historyDirectory = settings.historyDir()
                .resolve("seed-" + settings.seed() + "-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                                .withZone(ZoneOffset.UTC)
                                .format(Instant.now()));
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("wallet-fault-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("fault-test: " + settings.command());
        out.println("fault-test: starting the stack (" + settings.instancesText() + ") in " + dataDir);
        // The provider notifies one address, the first api instance's, as it would a load balancer's: a fixed port,
        // kept when the instance is killed and started again.
        int notifiedApiPort = FreePorts.free();
        // Closed last: the processes in its namespaces stop first.
        try (HostNetwork network = network(settings, out);
                EmbeddedSimulator provider = EmbeddedSimulator.start(SimulatorProcess.options(PROVIDER_KEY)
                        .retrySchedule(PROVIDER_RETRIES)
                        .stateFile(dataDir.resolve("payment-simulator.json"))
                        .bind(network.localAddress()));
                ProcessStack stack = ProcessStack.start(
                        new ProcessStack.Settings(
                                dataDir,
                                0,
                                0,
                                settings.kafkaBrokers(),
                                settings.postgresStandby(),
                                0,
                                Map.of(Service.API, notifiedApiPort),
                                settings.instances(),
                                serviceSettings(
                                        settings,
                                        provider,
                                        network.addHost(ProcessStack.hostName(Service.API, 1)) + ":" + notifiedApiPort),
                                true,
                                SERVICE_JVM_FLAGS,
                                Map.of()),
                        network)) {
            try {
                return run(settings, stack, provider, historyDirectory, out);
            } finally {
                copyLogs(stack, historyDirectory); // kept with the history, whatever the outcome
            }
        } finally {
            deleteQuietly(dataDir);
        }
    }

    /** Where the processes sit: on loopback, in network namespaces, or on loopback behind a proxy on each link. */
    private static HostNetwork network(FaultTestSettings settings, PrintStream out) {
        return switch (settings.partitions()) {
            case NONE -> HostNetwork.loopback();
            case NAMESPACES -> {
                out.println(
                        "fault-test: each process in a network namespace of its own, on " + NetworkNamespaces.SUBNET);
                yield NetworkNamespaces.create();
            }
            case PROXIES -> {
                out.println("fault-test: each service instance reaches PostgreSQL and Redis through proxies of its own,"
                        + " which cut and slow its links; links to Kafka are not cut");
                yield HostNetwork.loopbackWithProxies();
            }
        };
    }

    private static Map<Service, List<String>> serviceSettings(
            FaultTestSettings settings, EmbeddedSimulator provider, String notifiedApi) {
        return Map.of(
                Service.API,
                List.of(
                        "--wallet.concurrency.strategy=" + settings.strategy(),
                        "--wallet.rate-limit.requests=100000000",
                        "--wallet.payments.midtrans.base-url=" + provider.baseUrl(),
                        "--wallet.payments.midtrans.server-key=" + PROVIDER_KEY,
                        "--wallet.payments.midtrans.notification-url=http://" + notifiedApi + "/webhooks/midtrans",
                        // All the provider's notifications come from this one address.
                        "--wallet.payments.notification-limit.requests=100000000",
                        // Minutes in production, seconds here: a payment its user lets expire expires within the
                        // run, and a late or lost notification is asked about while the run goes on.
                        "--wallet.payments.expiry=20s",
                        "--wallet.payments.notifications-interval=2s",
                        "--wallet.payments.circuit-breaker.open-for=5s",
                        "--wallet.payments.reconciliation.interval=2s",
                        "--wallet.payments.reconciliation.first-check-after=5s",
                        "--wallet.payments.reconciliation.check-every=5s",
                        "--wallet.payments.reconciliation.give-up-after=30s",
                        // Each settled payment asked about once, 10 s after it settled: a refund whose notification
                        // the lost-notifications fault swallowed (the payers here refund at once) is found in the run.
                        "--wallet.payments.reconciliation.watch-settled-for=20s",
                        "--wallet.payments.reconciliation.settled-check-every=10s",
                        "--wallet.payments.reconciliation.heartbeat=2s"),
                Service.RELAY,
                List.of("--relay.mode=" + settings.relayMode()));
    }

    private static Result run(
            FaultTestSettings settings,
            ProcessStack stack,
            EmbeddedSimulator provider,
            Path historyDirectory,
            PrintStream out) {
        List<URI> apis =
                stack.instances(Service.API).stream().map(ServiceInstance::uri).toList();
        Map<String, Integer> userNumbers = new HashMap<>();
        List<String> authorizations = new ArrayList<>();
        for (int user = 0; user < settings.users(); user++) {
            String password = "fault-password-" + user;
            createUser(apis.get(0), username(user), password);
            userNumbers.put(username(user), user);
            authorizations.add(basic(username(user), password));
        }
        History history = new History();
        TopUpClients clients = new TopUpClients(settings, apis, authorizations, provider.control(), history);
        AtomicBoolean faultsOver = new AtomicBoolean();
        Instant loadStarted = Instant.now();
        clients.start(() -> !faultsOver.get());
        out.printf(
                "fault-test: %d users, %d clients topping up at %d/s, %d %% of it funded; faults start once a top-up"
                        + " has gone all the way to the ledger%n",
                settings.users(), settings.clients(), settings.rate(), settings.fundedPercent());
        if (awaitRecovery(stack.endpoints(), history, loadStarted, false) == null) {
            throw new IllegalStateException("no top-up reached the ledger within " + RECOVERY_TIMEOUT);
        }
        TopicShape topic = TopicShape.of(stack.endpoints().kafkaBootstrapServers());
        out.printf("fault-test: %d Kafka broker(s); %s%n", stack.kafkaCluster().size(), topic);

        FaultInjector injector = new FaultInjector(stack, settings.outage(), provider);
        List<Recovery> recoveries = new ArrayList<>();
        FaultSchedule schedule = FaultSchedule.of(
                settings.seed(), settings.kinds(), settings.faultsEach(), settings.gap(), settings.overlapPercent());
        List<Planned> planned = schedule.faults();
        for (int next = 0; next < planned.size(); ) {
            // A strike: one fault, or several that strike together (--overlap-percent).
            List<Planned> strike = new ArrayList<>(List.of(planned.get(next++)));
            while (next < planned.size() && planned.get(next).withPrevious()) {
                strike.add(planned.get(next++));
            }
            // One instance of a service down at a time: a fault, not the whole service gone. Instances of different
            // services restart side by side, as they would on an orchestrator.
            awaitRestarts(
                    recoveries,
                    strike.stream()
                            .map(Planned::kind)
                            .filter(FaultKind::killsAnInstance)
                            .map(FaultKind::part)
                            .collect(Collectors.toUnmodifiableSet()));
            LockSupport.parkNanos(strike.getFirst().before().toNanos()); // the schedule's pause between faults
            List<Injected> injected = injectTogether(injector, strike);
            Instant restored = injected.stream()
                    .map(Injected::restoredAt)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            Instant recovered = awaitRecovery(
                    stack.endpoints(),
                    history,
                    restored,
                    strike.stream().anyMatch(fault -> fault.kind().hitsPayments()));
            for (int i = 0; i < strike.size(); i++) {
                Recovery recovery = new Recovery(injected.get(i), recovered);
                recoveries.add(recovery);
                out.printf(
                        "fault-test: fault %d/%d %s on %s%s: down %.1f s, recovered %s; %d top-ups answered so far%n",
                        strike.get(i).number(),
                        planned.size(),
                        strike.get(i).kind().option(),
                        injected.get(i).target(),
                        strike.size() > 1 ? " (" + strike.size() + " faults together)" : "",
                        recovery.down().toMillis() / 1000.0,
                        recovery.toRecover() == null
                                ? "NOT within " + RECOVERY_TIMEOUT.toMinutes() + " min"
                                : String.format(
                                        "%.1f s later", recovery.toRecover().toMillis() / 1000.0),
                        history.endings().size());
            }
        }
        faultsOver.set(true);
        awaitRestarts(recoveries);
        try {
            clients.finish(RETRYING_AT_MOST);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Duration loadTime = Duration.between(loadStarted, Instant.now());
        out.printf(
                "fault-test: load over after %d s: %d top-ups; draining%n",
                loadTime.toSeconds(), history.endings().size());
        awaitDrained(stack.endpoints(), provider.control());
        Findings findings;
        try {
            findings = new Checker(stack.endpoints(), userNumbers)
                    .check(history, injector.poisons(), provider.control().orders());
        } catch (SQLException e) {
            throw new IllegalStateException("the check could not read the databases", e);
        }
        history.writeTo(historyDirectory);
        writeFaults(recoveries, historyDirectory);
        Result result = new Result(
                settings, topic, findings, recoveries, injector.supervisorRestarts(), loadTime, historyDirectory);
        String report = Report.of(result);
        out.println(report);
        try {
            Files.writeString(historyDirectory.resolve("report.md"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** The faults of one strike, each on a thread of its own, at once; in the strike's order. */
    private static List<Injected> injectTogether(FaultInjector injector, List<Planned> strike) {
        if (strike.size() == 1) {
            return List.of(
                    injector.inject(strike.getFirst().kind(), strike.getFirst().random()));
        }
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("fault-", 0).factory())) {
            List<Future<Injected>> striking = strike.stream()
                    .map(fault -> threads.submit(() -> injector.inject(fault.kind(), fault.random())))
                    .toList();
            List<Injected> injected = new ArrayList<>();
            for (Future<Injected> fault : striking) {
                injected.add(fault.get());
            }
            return injected;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a fault could not be injected", e.getCause());
        }
    }

    /** {@code faults.csv}: when each fault struck, ended and was recovered from, to lay beside {@code attempts.csv}. */
    private static void writeFaults(List<Recovery> recoveries, Path historyDirectory) {
        StringBuilder csv = new StringBuilder("kind,target,injected_ms,restored_ms,recovered_ms,ready_ms\n");
        for (Recovery recovery : recoveries) {
            Injected fault = recovery.fault();
            Instant ready = fault.readyAt().join();
            csv.append(fault.kind().option())
                    .append(',')
                    .append(fault.target())
                    .append(',')
                    .append(fault.injectedAt().toEpochMilli())
                    .append(',')
                    .append(fault.restoredAt().toEpochMilli())
                    .append(',')
                    .append(
                            recovery.recoveredAt() == null
                                    ? ""
                                    : recovery.recoveredAt().toEpochMilli())
                    .append(',')
                    .append(ready == null ? "" : ready.toEpochMilli())
                    .append('\n');
        }
        try {
            Files.writeString(historyDirectory.resolve("faults.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every restarted instance ready again before the check, so that the check sees the whole pipeline. */
    private static void awaitRestarts(List<Recovery> recoveries) {
        awaitRestarts(recoveries, EnumSet.allOf(FaultKind.Part.class));
    }

    /** Every instance restarted after a fault on one of these parts ready again. */
    private static void awaitRestarts(List<Recovery> recoveries, Set<FaultKind.Part> parts) {
        for (Recovery recovery : recoveries) {
            if (parts.contains(recovery.fault().kind().part())) {
                recovery.fault().readyAt().join();
            }
        }
    }

    static void createUser(URI api, String username, String password) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(api.resolve("/api/v1/admin/users"))
                            .header("Authorization", ADMIN_AUTHORIZATION)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(
                        "creating " + username + ": " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Until a top-up acknowledged after the fault was over is in the ledger's audit log; null if none in time. The
     * top-up waited for is fixed once chosen: the newest acknowledgement changes every few milliseconds under load
     * and would always be a step ahead of the ledger.
     *
     * @param funded whether to wait for a funded top-up instead: a payment opened and paid after the fault, credited
     *               and in the audit log (after a fault that hit the provider, the direct path proves nothing)
     */
    private static @Nullable Instant awaitRecovery(
            InfrastructureEndpoints endpoints, History history, Instant restoredAt, boolean funded) {
        Instant deadline = Instant.now().plus(RECOVERY_TIMEOUT);
        Optional<History.Ending> awaited = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            if (awaited.isEmpty()) {
                awaited = (funded ? history.lastPaid() : history.lastAcknowledged())
                        .filter(ending -> ending.atMillis() > restoredAt.toEpochMilli());
            }
            String id = awaited.map(History.Ending::id).orElse(null);
            String topUpId = id == null || !funded ? id : creditedBy(endpoints, id);
            if (topUpId != null && inAuditLog(endpoints, topUpId)) {
                return Instant.now();
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        return null;
    }

    /** The top-up the payment's settlement made, if it has been credited. */
    private static @Nullable String creditedBy(InfrastructureEndpoints endpoints, String paymentId) {
        try (Connection connection = DriverManager.getConnection(
                        endpoints.walletDatabaseUrl(), endpoints.databaseUser(), endpoints.databasePassword());
                PreparedStatement query =
                        connection.prepareStatement("SELECT id::text FROM top_ups WHERE payment_id = ?::uuid")) {
            query.setString(1, paymentId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException walletNotReachableYet) {
            return null;
        }
    }

    private static boolean inAuditLog(InfrastructureEndpoints endpoints, String topUpId) {
        try (Connection connection = DriverManager.getConnection(
                        endpoints.ledgerDatabaseUrl(), endpoints.databaseUser(), endpoints.databasePassword());
                PreparedStatement query =
                        connection.prepareStatement("SELECT 1 FROM audit_log WHERE top_up_id = ?::uuid")) {
            query.setString(1, topUpId);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        } catch (SQLException ledgerNotReachableYet) {
            return false;
        }
    }

    /**
     * Until every payment is closed (paid, expired, failed or reversed: the expiry and the reconciliation see to the
     * ones nobody notified), none the provider took back is still settled here, every outbox row is published, and
     * every top-up and reversal is in the ledger.
     */
    private static void awaitDrained(InfrastructureEndpoints endpoints, SimulatorControl provider) {
        Instant deadline = Instant.now().plus(DRAIN_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                long unpublished = count(
                        endpoints,
                        endpoints.walletDatabaseUrl(),
                        "SELECT count(*) FROM outbox WHERE published_at IS NULL");
                long topUps = count(endpoints, endpoints.walletDatabaseUrl(), "SELECT count(*) FROM top_ups");
                long audited = count(
                        endpoints, endpoints.ledgerDatabaseUrl(), "SELECT count(DISTINCT top_up_id) FROM audit_log");
                long open = count(
                        endpoints,
                        endpoints.walletDatabaseUrl(),
                        "SELECT count(*) FROM payments WHERE state IN ('REQUESTED', 'PENDING')");
                long reversals =
                        count(endpoints, endpoints.walletDatabaseUrl(), "SELECT count(*) FROM payment_reversals");
                long booked = count(endpoints, endpoints.ledgerDatabaseUrl(), "SELECT count(*) FROM ledger_reversals");
                if (open == 0
                        && unpublished == 0
                        && audited >= topUps
                        && booked >= reversals
                        && takenBackButKept(endpoints, provider) == 0) {
                    return;
                }
            } catch (SQLException notReachable) {
                // the check after the deadline reports what is missing
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
    }

    private static long takenBackButKept(InfrastructureEndpoints endpoints, SimulatorControl provider)
            throws SQLException {
        Set<String> takenBack = new HashSet<>();
        for (OrderView order : provider.orders()) {
            if (FundedTopUpCheck.TAKEN_BACK.contains(order.status())) {
                takenBack.add(order.orderId());
            }
        }
        try (Connection connection = DriverManager.getConnection(
                        endpoints.walletDatabaseUrl(), endpoints.databaseUser(), endpoints.databasePassword());
                ResultSet settled = connection
                        .createStatement()
                        .executeQuery("SELECT provider_order_id FROM payments WHERE state = 'SETTLED'")) {
            long kept = 0;
            while (settled.next()) {
                kept += takenBack.contains(settled.getString(1)) ? 1 : 0;
            }
            return kept;
        }
    }

    private static long count(InfrastructureEndpoints endpoints, String url, String sql) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(url, endpoints.databaseUser(), endpoints.databasePassword());
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void copyLogs(ProcessStack stack, Path historyDirectory) {
        Path logs = stack.dataDir().resolve("logs");
        try (Stream<Path> files = Files.list(logs)) {
            Path target = Files.createDirectories(historyDirectory.resolve("logs"));
            // Copied while the processes still run: a snapshot, complete up to the check.
            for (Path log : files.toList()) {
                Files.copy(log, target.resolve(log.getFileName()));
            }
        } catch (IOException e) {
            System.err.println("could not keep the services' logs: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + directory + ": " + e.getMessage());
        }
    }
}
