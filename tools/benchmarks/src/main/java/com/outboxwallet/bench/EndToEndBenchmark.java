package com.outboxwallet.bench;

import com.outboxwallet.events.WalletTopics;
import com.outboxwallet.local.Service;
import com.outboxwallet.local.processes.ChildJvm;
import com.outboxwallet.local.processes.Instances;
import com.outboxwallet.local.processes.ProcessStack;
import com.outboxwallet.local.processes.ServiceInstance;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The API as deployed, measured from outside: each service from its own jar in its own JVM ({@link ProcessStack}),
 * top-ups over real HTTP from this process at 1, 8, 32 and 64 connections, over 64 wallets and on one hot wallet;
 * in the same run the ceiling, the same transaction straight over JDBC ({@link JdbcCeiling}) against the same
 * PostgreSQL. For every step: top-ups/s, latency percentiles, CPU per top-up of every process, the relay's outbox
 * age, the ledger's lag; the JVMs' resident memory over the run; optionally a JFR profile of the api-service.
 */
final class EndToEndBenchmark {

    private static final int RATE_LIMIT = 100_000_000;
    private static final int SPREAD_WALLETS = 64;
    private static final List<Integer> CONNECTIONS = List.of(1, 8, 32, 64);
    private static final int WARMUP_CONNECTIONS = 32;
    private static final BigDecimal AMOUNT = new BigDecimal("10.00");
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration SAMPLE = Duration.ofMillis(500);
    private static final String COMPARE_ORDER = "ABBAAB";
    private static final int COMPARE_CONNECTIONS = 64;
    private static final Duration COMPARE_SETTLE = Duration.ofSeconds(5);

    private final BenchmarkSettings settings;
    /** The services' trace sampling probability, as the command line or api-service.yml gives it. */
    private final String traceSamplingProbability;

    EndToEndBenchmark(BenchmarkSettings settings) {
        this.settings = settings;
        this.traceSamplingProbability = settings.traceSampling().equals("production")
                ? ServiceConfiguration.of("api-service", Map.of())
                        .bind("management.tracing.sampling.probability", String.class)
                        .orElseThrow(() -> new IllegalStateException("api-service.yml sets no trace sampling"))
                : settings.traceSampling();
    }

    private enum Scenario {
        SPREAD("64 wallets"),
        HOT("1 hot wallet");

        final String label;

        Scenario(String label) {
            this.label = label;
        }
    }

    /**
     * One measured step.
     *
     * @param cpuMillisPerTopUp per process of {@link #usage}, in its order
     * @param work              the statements, Redis commands and Kafka requests per top-up
     * @param delays            commit→sent (the relay's outbox age) and commit→audit log, per accepted top-up
     */
    private record Step(
            Scenario scenario,
            String load,
            int connections,
            LoadPhase phase,
            double[] cpuMillisPerTopUp,
            ServerWork.PerTopUp work,
            long maxLedgerLag,
            StackDatabases.Delays delays,
            Map<String, Double> postgres) {}

    /** One step of pgbench, with what the stack's processes spent on its top-ups until the ledger held them. */
    private record PgbenchStep(
            PgbenchCeiling.Result result,
            double[] cpuMillisPerTopUp,
            ServerWork.PerTopUp work,
            Map<String, Double> postgres) {}

    private List<ProcessUsage> usage = List.of(); // the stack's processes, once it runs
    private @Nullable ProcessHandle postmaster;
    /** The warm-up as measured, to show what a cold start costs; in no other figure. */
    private @Nullable LoadPhase warmUp;

    List<String> run() throws Exception {
        Path dataDir = Files.createTempDirectory("wallet-e2e");
        Instances instances = Instances.parse(settings.instances());
        Map<String, List<String>> instanceJvmFlags = Map.of();
        if (settings.compare().secondApi()) {
            if (instances.of(Service.API) != 1) {
                throw new IllegalArgumentException("--compare=jvm=… starts the second api-service itself: give api=1");
            }
            Map<Service, Integer> counts = new EnumMap<>(instances.counts());
            counts.put(Service.API, 2);
            instances = new Instances(counts);
            instanceJvmFlags = Map.of(
                    ProcessStack.hostName(Service.API, 2), settings.compare().apiJvmFlags());
        }
        progress(
                "starting PostgreSQL, Redis, Kafka and each service in its own JVM (%s, %s each%s)",
                settings.instances(), serviceJvmFlags(), instanceJvmFlags.isEmpty() ? "" : "; and " + instanceJvmFlags);
        try (ProcessStack stack = ProcessStack.start(new ProcessStack.Settings(
                dataDir,
                0,
                0,
                1,
                false,
                0,
                Map.of(),
                instances,
                Map.of(
                        Service.API,
                        apiSettings(),
                        Service.RELAY,
                        withTraceSampling(List.of("--relay.mode=" + settings.relayMode())),
                        Service.LEDGER,
                        withTraceSampling(List.of())),
                true,
                serviceJvmFlags(),
                instanceJvmFlags))) {
            return measure(stack, dataDir);
        } finally {
            Benchmarks.deleteQuietly(dataDir);
        }
    }

    private List<String> apiSettings() {
        List<String> api = new ArrayList<>(withTraceSampling(List.of(
                "--wallet.rate-limit.requests=" + RATE_LIMIT, "--wallet.concurrency.strategy=" + settings.strategy())));
        settings.apiSettings().forEach(setting -> api.add("--" + setting));
        settings.compare().apiSettings().forEach(setting -> api.add("--" + setting));
        return api;
    }

    /**
     * Every service samples traces as production does unless told otherwise, although no exporter is set: the local
     * profile would sample none without one, and production's cost of tracing would go unmeasured.
     */
    private List<String> withTraceSampling(List<String> serviceSettings) {
        List<String> all = new ArrayList<>(serviceSettings);
        all.add("--management.tracing.sampling.probability=" + traceSamplingProbability);
        all.add("--wallet.tracing.sample-only-when-exported=false");
        return all;
    }

    private List<String> serviceJvmFlags() {
        return List.of("-Xmx" + settings.heap());
    }

    private List<String> measure(ProcessStack stack, Path dataDir) throws Exception {
        List<URI> apis =
                stack.instances(Service.API).stream().map(ServiceInstance::uri).toList();
        StackUsers spread = StackUsers.create(apis.getFirst(), "e2e-user", SPREAD_WALLETS);
        StackUsers hot = StackUsers.create(apis.getFirst(), "e2e-hot", 1);
        if (!spread.rateLimitPolicy().contains(";q=" + RATE_LIMIT + ";")) {
            throw new IllegalStateException(
                    "the rate limit setting did not take effect: RateLimit-Policy is " + spread.rateLimitPolicy());
        }
        usage = processes(stack);
        postmaster = stack.postgres().postmaster();
        String kafka = stack.endpoints().kafkaBootstrapServers();
        String group = ServiceConfiguration.of("ledger-service", Map.of())
                .bind("spring.kafka.consumer.group-id", String.class)
                .get();
        List<Step> http = new ArrayList<>();
        List<Step> ceiling = new ArrayList<>();
        List<PgbenchStep> pgbench = new ArrayList<>();
        List<String> profile = List.of();
        long[] maxResident = new long[usage.size()];
        String postgresUrl = stack.postgres().jdbcUrl("postgres");
        try (DatabaseConnection owner = new DatabaseConnection(postgresUrl)) {
            SqlStatements.createObserver(owner);
        }
        try (StackDatabases databases = new StackDatabases(
                        stack.endpoints().walletDatabaseUrl(),
                        stack.endpoints().ledgerDatabaseUrl(),
                        SqlStatements.OBSERVER);
                DatabaseConnection observer = new DatabaseConnection(postgresUrl, SqlStatements.OBSERVER);
                ServerWork work = new ServerWork(
                        new SqlStatements(observer),
                        new RedisCommands(stack.redis()),
                        new KafkaRequests(
                                stack.kafkaBrokers().stream().map(ChildJvm::pid).toList()));
                ConsumerGroupProgress ledger = new ConsumerGroupProgress(kafka, group, WalletTopics.WALLET_EVENTS);
                TopUpLoad spreadLoad = new TopUpLoad(apis, spread.authorizations());
                TopUpLoad hotLoad = new TopUpLoad(apis, hot.authorizations())) {
            Stepper stepper = new Stepper(databases, ledger, kafka, maxResident, work);
            progress(
                    "warm-up: %d connections flat out over %d wallets for %d s, left out of every figure",
                    WARMUP_CONNECTIONS, SPREAD_WALLETS, settings.warmupSeconds());
            warmUp = spreadLoad.flatOut(WARMUP_CONNECTIONS, Duration.ofSeconds(settings.warmupSeconds()));
            hotLoad.flatOut(WARMUP_CONNECTIONS, Duration.ofSeconds(Math.min(10, settings.warmupSeconds())));
            stepper.awaitCaughtUp();
            if (!settings.compare().isEmpty()) {
                return compare(stepper, spread, stack.instances(Service.API), postgresUrl);
            }
            JfrProfile recording = settings.profile()
                    ? JfrProfile.start(
                            stack.instances(Service.API).getFirst().jvm().pid(),
                            Objects.requireNonNull(dataDir.toAbsolutePath().getParent())
                                    .resolve("e2e-api-" + System.currentTimeMillis() + ".jfr"))
                    : null;
            for (Scenario scenario : Scenario.values()) {
                TopUpLoad load = scenario == Scenario.SPREAD ? spreadLoad : hotLoad;
                for (int connections : CONNECTIONS) {
                    progress(
                            "HTTP, %s, %d connections flat out for %d s",
                            scenario.label, connections, settings.seconds());
                    http.add(stepper.step(
                            scenario,
                            "HTTP",
                            connections,
                            () -> load.flatOut(connections, Duration.ofSeconds(settings.seconds()))));
                }
            }
            double halfPeak = peak(http, Scenario.SPREAD) / 2;
            progress(
                    "HTTP, %s, half the peak: %.0f/s open loop, %d s to settle, then %d s measured",
                    Scenario.SPREAD.label, halfPeak, settings.settleSeconds(), settings.seconds());
            spreadLoad.paced(halfPeak, Duration.ofSeconds(settings.settleSeconds()));
            http.add(stepper.step(
                    Scenario.SPREAD,
                    "HTTP %.0f/s paced".formatted(halfPeak),
                    0,
                    () -> spreadLoad.paced(halfPeak, Duration.ofSeconds(settings.seconds()))));
            if (recording != null) {
                profile = recording.stop();
            }
            JdbcCeiling jdbc = new JdbcCeiling(stack.endpoints().walletDatabaseUrl(), AMOUNT);
            for (Scenario scenario : Scenario.values()) {
                List<UUID> users =
                        databases.userIds(scenario == Scenario.SPREAD ? spread.usernames() : hot.usernames());
                for (int connections : CONNECTIONS) {
                    progress(
                            "ceiling, JDBC, %s, %d connections for %d s",
                            scenario.label, connections, settings.ceilingSeconds());
                    ceiling.add(stepper.step(
                            scenario,
                            "JDBC",
                            connections,
                            () -> jdbc.run(users, connections, Duration.ofSeconds(settings.ceilingSeconds()))));
                }
            }
            List<UUID> spreadUsers = databases.userIds(spread.usernames());
            Optional<PgbenchCeiling> pgbenchCeiling = PgbenchCeiling.find(
                    "localhost", stack.postgres().port(), "wallet", AMOUNT, dataDir.resolve("pgbench"));
            if (pgbenchCeiling.isPresent()) {
                for (int connections : CONNECTIONS) {
                    progress(
                            "ceiling, pgbench, %s, %d clients for %d s",
                            Scenario.SPREAD.label, connections, settings.ceilingSeconds());
                    pgbench.add(stepper.pgbench(
                            pgbenchCeiling.get(),
                            spreadUsers,
                            connections,
                            Duration.ofSeconds(settings.ceilingSeconds())));
                }
            } else {
                progress("no pgbench here (Debian's postgresql-client has it): its ceiling is left out");
            }
            return report(http, ceiling, pgbench, maxResident, profile, databases.exactness());
        }
    }

    /**
     * A against B at the spread peak, alternating in the order {@link #COMPARE_ORDER} so that a drift of the machine
     * over the rounds weighs on both sides alike; each side runs unmeasured for a few seconds after the switch.
     */
    private List<String> compare(Stepper stepper, StackUsers users, List<ServiceInstance> apis, String postgresUrl)
            throws Exception {
        Comparison comparison = settings.compare();
        List<Step> rounds = new ArrayList<>();
        try (ComparisonSwitch turn =
                        new ComparisonSwitch(comparison, apis.getFirst().jvm().pid(), postgresUrl);
                TopUpLoad loadA = new TopUpLoad(List.of(apis.getFirst().uri()), users.authorizations());
                TopUpLoad loadB = new TopUpLoad(List.of(apis.getLast().uri()), users.authorizations())) {
            for (char side : COMPARE_ORDER.toCharArray()) {
                turn.turn(side == 'B');
                TopUpLoad load = side == 'B' ? loadB : loadA;
                progress(
                        "A/B, side %s (%s), %d connections flat out for %d s",
                        side, side == 'B' ? comparison : "as configured", COMPARE_CONNECTIONS, settings.seconds());
                load.flatOut(COMPARE_CONNECTIONS, COMPARE_SETTLE);
                stepper.awaitCaughtUp();
                rounds.add(stepper.step(
                        Scenario.SPREAD,
                        Character.toString(side),
                        COMPARE_CONNECTIONS,
                        () -> load.flatOut(COMPARE_CONNECTIONS, Duration.ofSeconds(settings.seconds()))));
            }
        }
        return comparisonReport(rounds, comparison, stepper.databases.exactness());
    }

    private List<String> comparisonReport(
            List<Step> rounds, Comparison comparison, StackDatabases.Exactness exactness) {
        String processNames = usage.stream().map(ProcessUsage::name).collect(Collectors.joining(" | "));
        List<String> lines = new ArrayList<>(List.of(
                "- A/B in one run: A as configured, B with " + comparison
                        + (comparison.secondApi()
                                ? " (a second api-service instance, api-2; each side's load to its own instance,"
                                        + " the other idle)"
                                : "")
                        + "; " + COMPARE_CONNECTIONS
                        + " connections over " + SPREAD_WALLETS + " wallets, " + settings.seconds()
                        + " s a round in the order " + COMPARE_ORDER + ", each after " + COMPARE_SETTLE.toSeconds()
                        + " s unmeasured on its side and the ledger caught up; warm-up " + settings.warmupSeconds()
                        + " s before, left out; the rest as below",
                "",
                "| round | side | top-ups/s | p99 ms | commit→audit max ms | stack CPU ms | CPU ms per top-up: "
                        + processNames + " |",
                "|---:|---|---:|---:|---:|---:|" + "---:|".repeat(usage.size())));
        for (int i = 0; i < rounds.size(); i++) {
            Step round = rounds.get(i);
            lines.add("| %d | %s | %.0f | %.0f | %.0f | %.2f | %s |"
                    .formatted(
                            i + 1,
                            round.load(),
                            round.phase().acceptedPerSecond(),
                            round.phase().latencies().quantile(0.99),
                            round.delays().whole().quantile(1.0),
                            stackMillis(round.cpuMillisPerTopUp()),
                            cpuCells(round.cpuMillisPerTopUp())));
        }
        lines.addAll(List.of(
                "",
                "| side | top-ups/s | p99 ms | commit→audit max ms | stack CPU ms | api CPU ms | PostgreSQL CPU ms"
                        + " | PostgreSQL by process, ms |",
                "|---|---:|---:|---:|---:|---:|---:|---|"));
        int postgres = usage.stream().map(ProcessUsage::name).toList().indexOf("postgresql");
        for (String side : List.of("A", "B")) {
            // The instance that side's load went to: the second api-service when B is another JVM.
            int api = usage.stream()
                    .map(ProcessUsage::name)
                    .toList()
                    .indexOf(side.equals("B") && comparison.secondApi() ? "api-2" : "api-1");
            List<Step> of =
                    rounds.stream().filter(round -> round.load().equals(side)).toList();
            Map<String, Double> byProcess = new TreeMap<>();
            of.forEach(
                    round -> round.postgres().forEach((group, millis) -> byProcess.merge(group, millis, Double::sum)));
            lines.add("| %s | %.0f | %.0f | %.0f | %.2f | %.2f | %.2f | %s |"
                    .formatted(
                            side.equals("A") ? "A (as configured)" : "B (" + comparison + ")",
                            mean(of, round -> round.phase().acceptedPerSecond()),
                            mean(of, round -> round.phase().latencies().quantile(0.99)),
                            of.stream()
                                    .mapToDouble(round -> round.delays().whole().quantile(1.0))
                                    .max()
                                    .orElse(Double.NaN),
                            mean(of, round -> stackMillis(round.cpuMillisPerTopUp())),
                            mean(of, round -> round.cpuMillisPerTopUp()[api]),
                            mean(of, round -> round.cpuMillisPerTopUp()[postgres]),
                            byProcess.entrySet().stream()
                                    .map(entry -> "%s %.3f".formatted(entry.getKey(), entry.getValue() / of.size()))
                                    .collect(Collectors.joining(", "))));
        }
        lines.addAll(List.of("", "- exact: " + exactness));
        return lines;
    }

    private static double mean(List<Step> rounds, ToDoubleFunction<Step> figure) {
        return rounds.stream().mapToDouble(figure).average().orElse(Double.NaN);
    }

    /** Every process but the load generator (the last). */
    private static double stackMillis(double[] millisPerTopUp) {
        return Arrays.stream(millisPerTopUp, 0, millisPerTopUp.length - 1).sum();
    }

    /** Every JVM of the stack, then the servers and this load generator. */
    private static List<ProcessUsage> processes(ProcessStack stack) {
        List<ProcessUsage> processes = new ArrayList<>();
        stack.all()
                .forEach(instance -> processes.add(ProcessUsage.of(
                        instance.name(), ProcessHandle.of(instance.jvm().pid()).orElseThrow())));
        stack.kafkaBrokers()
                .forEach(broker -> processes.add(ProcessUsage.of(
                        broker.name(), ProcessHandle.of(broker.pid()).orElseThrow())));
        processes.add(ProcessUsage.withChildren("postgresql", stack.postgres().postmaster()));
        processes.add(
                ProcessUsage.of("redis", ProcessHandle.of(stack.redis().pid()).orElseThrow()));
        processes.add(ProcessUsage.of("load (this JVM)", ProcessHandle.current()));
        return processes;
    }

    /** Runs a step with everything around it measured, then waits until the ledger holds every top-up. */
    private final class Stepper {

        private final StackDatabases databases;
        private final ConsumerGroupProgress ledger;
        private final String kafka;
        private final long[] maxResident;
        private final ServerWork work;

        Stepper(
                StackDatabases databases,
                ConsumerGroupProgress ledger,
                String kafka,
                long[] maxResident,
                ServerWork work) {
            this.databases = databases;
            this.ledger = ledger;
            this.kafka = kafka;
            this.maxResident = maxResident;
            this.work = work;
        }

        PgbenchStep pgbench(PgbenchCeiling pgbench, List<UUID> users, int clients, Duration length) throws Exception {
            ProcessUsage.Snapshot before = ProcessUsage.Snapshot.of(usage);
            Optional<PostgresProcesses.Snapshot> postgresBefore = postgresSnapshot();
            ServerWork.Snapshot workBefore = work.snapshot();
            PgbenchCeiling.Result result = pgbench.run(users, clients, length);
            awaitCaughtUp();
            double[] cpu = ProcessUsage.Snapshot.of(usage).millisPer(before, result.committed());
            return new PgbenchStep(
                    result,
                    cpu,
                    ServerWork.PerTopUp.between(workBefore, work.snapshot(), result.committed()),
                    PostgresProcesses.millisPer(postgresBefore, postgresSnapshot(), result.committed()));
        }

        Step step(Scenario scenario, String load, int connections, Callable<LoadPhase> run) throws Exception {
            AtomicLong maxLag = new AtomicLong();
            AtomicLongArray resident = new AtomicLongArray(usage.size());
            ProcessUsage.Snapshot before = ProcessUsage.Snapshot.of(usage);
            Optional<PostgresProcesses.Snapshot> postgresBefore = postgresSnapshot();
            ServerWork.Snapshot workBefore = work.snapshot();
            LoadPhase phase;
            try (ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor()) {
                sampler.scheduleAtFixedRate(
                        () -> {
                            for (int i = 0; i < usage.size(); i++) {
                                OptionalLong bytes = usage.get(i).residentBytes();
                                int index = i;
                                bytes.ifPresent(value -> resident.accumulateAndGet(index, value, Math::max));
                            }
                            try {
                                maxLag.accumulateAndGet(ledger.position().lag(), Math::max);
                            } catch (RuntimeException brokerBusy) {
                                // A sample the broker did not answer in time is skipped; a thrown one would end the
                                // sampling.
                            }
                        },
                        0,
                        SAMPLE.toMillis(),
                        TimeUnit.MILLISECONDS);
                phase = run.call();
                awaitCaughtUp();
            }
            double[] cpu = ProcessUsage.Snapshot.of(usage)
                    .millisPer(before, phase.accepted().size());
            ServerWork.PerTopUp perTopUp = ServerWork.PerTopUp.between(
                    workBefore, work.snapshot(), phase.accepted().size());
            for (int i = 0; i < maxResident.length; i++) {
                maxResident[i] = Math.max(maxResident[i], resident.get(i));
            }
            return new Step(
                    scenario,
                    load,
                    connections,
                    phase,
                    cpu,
                    perTopUp,
                    maxLag.get(),
                    databases.delays(phase.accepted(), TopicSendTimes.of(kafka, WalletTopics.WALLET_EVENTS)),
                    PostgresProcesses.millisPer(
                            postgresBefore, postgresSnapshot(), phase.accepted().size()));
        }

        private Optional<PostgresProcesses.Snapshot> postgresSnapshot() {
            return postmaster == null
                    ? Optional.empty()
                    : PostgresProcesses.of(postmaster, work.postgresApplications());
        }

        void awaitCaughtUp() {
            Await.until("the ledger to catch up", CATCH_UP_TIMEOUT, Duration.ofMillis(100), databases::ledgerCaughtUp);
        }
    }

    /** The flat-out HTTP step over the spread wallets that accepted the most top-ups a second. */
    private static Step spreadPeak(List<Step> http) {
        return http.stream()
                .filter(step -> step.scenario() == Scenario.SPREAD && step.connections() > 0)
                .max(Comparator.comparingDouble(step -> step.phase().acceptedPerSecond()))
                .orElseThrow();
    }

    private static double peak(List<Step> steps, Scenario scenario) {
        return steps.stream()
                .filter(step -> step.scenario() == scenario)
                .mapToDouble(step -> step.phase().acceptedPerSecond())
                .max()
                .orElse(0);
    }

    private static Step at(List<Step> steps, Scenario scenario, int connections) {
        return steps.stream()
                .filter(step -> step.scenario() == scenario && step.connections() == connections)
                .findFirst()
                .orElseThrow();
    }

    private List<String> report(
            List<Step> http,
            List<Step> ceiling,
            List<PgbenchStep> pgbench,
            long[] maxResident,
            List<String> profile,
            StackDatabases.Exactness exactness) {
        String processNames = usage.stream().map(ProcessUsage::name).collect(Collectors.joining(" | "));
        List<String> lines = new ArrayList<>(List.of(
                "- stack: PostgreSQL and Redis as the servers they are; Kafka and each service in a JVM of its own"
                        + " (`ProcessStack`, as `./run-local --processes`), instances " + settings.instances()
                        + ", service JVMs " + serviceJvmFlags() + ", relay mode " + settings.relayMode()
                        + ", concurrency strategy " + settings.strategy()
                        + ", the local profile but traces sampled at " + traceSamplingProbability
                        + (settings.traceSampling().equals("production") ? " (production's)" : "")
                        + " (recorded, then dropped: no exporter)"
                        + (settings.apiSettings().isEmpty() ? "" : ", api-service settings " + settings.apiSettings())
                        + "; the rate limit checked on every request at " + RATE_LIMIT + " a minute",
                "- load: this JVM, over real HTTP/1.1 with keep-alive: top-ups of " + AMOUNT + ", HTTP Basic rotating"
                        + " over the scenario's users, a new Idempotency-Key each. Warm-up: " + WARMUP_CONNECTIONS
                        + " connections over " + SPREAD_WALLETS + " wallets for " + settings.warmupSeconds()
                        + " s (%.0f top-ups/s, p99 %.0f ms: the JVMs cold), then the hot wallet briefly, left out of"
                                .formatted(
                                        Objects.requireNonNull(warmUp).acceptedPerSecond(),
                                        warmUp.latencies().quantile(0.99))
                        + " every other figure. Steps: flat out for "
                        + settings.seconds() + " s each; the ledger caught up after each before the next",
                "- ceiling: the same transaction (atomic-update credit, then the top-up and outbox rows in one statement, one"
                        + " commit) straight"
                        + " over JDBC, a connection per thread, " + settings.ceilingSeconds() + " s per step, in the"
                        + " same run against the same PostgreSQL, with the relay and the ledger processing its rows",
                "- CPU: each process's user+system time over the step and its catch-up, from /proc, per top-up accepted"
                        + " (PostgreSQL with its backends); outbox age: a top-up's commit → the relay's send"
                        + " (record CreateTime); ledger: commit → audit-log commit, and the most records behind",
                "- work, per top-up over the step and its catch-up, as the servers count it: SQL statements"
                        + " (pg_stat_statements, which misses many BEGINs and COMMITs, the benchmark's own checks left out), Redis"
                        + " commands (INFO commandstats), Kafka requests to the brokers (RequestMetrics over JMX; the"
                        + " benchmark's lag sampling, about 4 requests a second, included)",
                "",
                "| scenario | load | connections | top-ups/s | p50 ms | p95 ms | p99 ms | of ceiling | other answers"
                        + " | outbox age p99 ms | commit→audit p99 / max ms | max lag | SQL statements | Redis commands"
                        + " | Kafka requests | CPU ms per top-up: " + processNames + " |",
                "|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|"
                        + "---:|".repeat(usage.size())));
        for (Step step : http) {
            lines.add(row(step, peak(ceiling, step.scenario())));
        }
        for (Step step : ceiling) {
            lines.add(row(step, peak(ceiling, step.scenario())));
        }
        lines.addAll(pgbenchTable(pgbench, processNames));
        lines.addAll(List.of("", "| process | most resident memory over the run (MiB) |", "|---|---:|"));
        for (int i = 0; i < usage.size(); i++) {
            if (!usage.get(i).tree()) { // a server's children share its memory: its own RSS says little
                lines.add("| %s | %.0f |".formatted(usage.get(i).name(), maxResident[i] / 1048576.0));
            }
        }
        lines.addAll(targets(http, ceiling, pgbench, maxResident));
        lines.addAll(List.of("", "- exact: " + exactness));
        Step spreadPeak = spreadPeak(http);
        lines.addAll(List.of(
                "",
                "### Where the work of a top-up went: HTTP, %s, %d connections (the spread peak)"
                        .formatted(Scenario.SPREAD.label, spreadPeak.connections()),
                ""));
        lines.addAll(spreadPeak.work().breakdown());
        lines.add("");
        lines.addAll(PostgresProcesses.rows(spreadPeak.postgres()));
        pgbench.stream()
                .max(Comparator.comparingDouble(step -> step.result().perSecond()))
                .ifPresent(peak -> {
                    lines.addAll(List.of(
                            "",
                            "### The same for pgbench's transaction at its peak (%d clients)"
                                    .formatted(peak.result().clients()),
                            ""));
                    lines.addAll(peak.work().breakdown());
                    lines.add("");
                    lines.addAll(PostgresProcesses.rows(peak.postgres()));
                });
        if (!profile.isEmpty()) {
            lines.addAll(List.of("", "### api-service profile over the HTTP steps", ""));
            lines.addAll(profile);
        }
        return lines;
    }

    private String row(Step step, double ceilingPeak) {
        LoadPhase phase = step.phase();
        String cpu = cpuCells(step.cpuMillisPerTopUp());
        return "| %s | %s | %s | %.0f | %s | %.0f %% | %s | %s | %s | %d | %s | %.2f | %.2f | %s |"
                .formatted(
                        step.scenario().label,
                        step.load(),
                        step.connections() == 0 ? "open loop" : Integer.toString(step.connections()),
                        phase.acceptedPerSecond(),
                        phase.latencies().percentiles(),
                        100 * phase.acceptedPerSecond() / ceilingPeak,
                        phase.others(),
                        step.delays().relay().at(0.99),
                        step.delays().whole().at(0.99, 1.0).replace(" | ", " / "),
                        step.maxLedgerLag(),
                        statements(step.work()),
                        step.work().redisCommands(),
                        step.work().kafkaRequests(),
                        cpu);
    }

    private static String cpuCells(double[] millisPerTopUp) {
        return Arrays.stream(millisPerTopUp).mapToObj("%.2f"::formatted).collect(Collectors.joining(" | "));
    }

    /** SQL statements per top-up in all, with each database's share. */
    private static String statements(ServerWork.PerTopUp work) {
        return "%.2f (%s)"
                .formatted(
                        work.statements(),
                        work.statementsByDatabase().entrySet().stream()
                                .map(entry -> "%s %.2f".formatted(entry.getKey(), entry.getValue()))
                                .collect(Collectors.joining(", ")));
    }

    private List<String> pgbenchTable(List<PgbenchStep> pgbench, String processNames) {
        if (pgbench.isEmpty()) {
            return List.of("", "- pgbench: not found on this machine, so its ceiling is not measured");
        }
        List<String> lines = new ArrayList<>(List.of(
                "",
                "pgbench in the same run, against the same PostgreSQL, the same transaction as the JDBC ceiling (as"
                        + " prepared statements, `-M prepared`), over the " + SPREAD_WALLETS + " wallets, "
                        + settings.ceilingSeconds() + " s per step; CPU per top-up includes the relay and the ledger"
                        + " handling its rows; pgbench's own CPU is not in the load column",
                "",
                "| clients | top-ups/s | latency average ms | SQL statements | Redis commands | Kafka requests | CPU ms"
                        + " per top-up: " + processNames + " |",
                "|---:|---:|---:|---:|---:|---:|" + "---:|".repeat(usage.size())));
        for (PgbenchStep step : pgbench) {
            lines.add("| %d | %.0f | %.2f | %s | %.2f | %.2f | %s |"
                    .formatted(
                            step.result().clients(),
                            step.result().perSecond(),
                            step.result().latencyMillis(),
                            statements(step.work()),
                            step.work().redisCommands(),
                            step.work().kafkaRequests(),
                            cpuCells(step.cpuMillisPerTopUp())));
        }
        return lines;
    }

    /** The targets, each with the figure it is judged by. */
    private List<String> targets(List<Step> http, List<Step> ceiling, List<PgbenchStep> pgbench, long[] maxResident) {
        List<Step> flatOut =
                http.stream().filter(step -> step.connections() > 0).toList();
        Step spreadPeak = spreadPeak(http);
        Step half = http.getLast();
        double hotSingleClient = at(ceiling, Scenario.HOT, 1).phase().acceptedPerSecond();
        Step hot64 = at(http, Scenario.HOT, 64);
        int api = usage.stream().map(ProcessUsage::name).toList().indexOf("api-1");
        double worstP99 = flatOut.stream()
                .mapToDouble(step -> step.phase().latencies().quantile(0.99))
                .max()
                .orElse(Double.NaN);
        double worstAudit = http.stream()
                .mapToDouble(step -> step.delays().whole().quantile(1.0))
                .max()
                .orElse(Double.NaN);
        double pgbenchPeak = pgbench.stream()
                .mapToDouble(step -> step.result().perSecond())
                .max()
                .orElse(Double.NaN);
        double[] cpuAtPeak = spreadPeak.cpuMillisPerTopUp();
        double cpuInAll = stackMillis(cpuAtPeak);
        int postgres = usage.stream().map(ProcessUsage::name).toList().indexOf("postgresql");
        return List.of(
                "",
                "| target | figure | met |",
                "|---|---|---|",
                target(
                        "spread over 64 wallets: ≥ 50 % of the same-run pgbench ceiling",
                        "%.0f/s at %d connections = %.0f %% of %.0f/s"
                                .formatted(
                                        spreadPeak.phase().acceptedPerSecond(),
                                        spreadPeak.connections(),
                                        100 * spreadPeak.phase().acceptedPerSecond() / pgbenchPeak,
                                        pgbenchPeak),
                        spreadPeak.phase().acceptedPerSecond() >= 0.5 * pgbenchPeak),
                target(
                        "the stack's CPU per top-up ≤ 2.5 ms at the spread peak (every process but the load)",
                        "%.2f ms".formatted(cpuInAll),
                        cpuInAll <= 2.5),
                target(
                        "PostgreSQL CPU per top-up ≤ 0.9 ms (at the spread peak)",
                        "%.2f ms".formatted(cpuAtPeak[postgres]),
                        cpuAtPeak[postgres] <= 0.9),
                target(
                        "spread over 64 wallets: ≥ 50 % of the same-run ceiling",
                        "%.0f/s at %d connections = %.0f %% of %.0f/s"
                                .formatted(
                                        spreadPeak.phase().acceptedPerSecond(),
                                        spreadPeak.connections(),
                                        100 * spreadPeak.phase().acceptedPerSecond() / peak(ceiling, Scenario.SPREAD),
                                        peak(ceiling, Scenario.SPREAD)),
                        spreadPeak.phase().acceptedPerSecond() >= 0.5 * peak(ceiling, Scenario.SPREAD)),
                target(
                        "p99 ≤ 50 ms at half the peak rate",
                        "%.1f ms".formatted(half.phase().latencies().quantile(0.99)),
                        half.phase().latencies().quantile(0.99) <= 50),
                target(
                        "p99 ≤ 200 ms at the peak",
                        "%.1f ms".formatted(spreadPeak.phase().latencies().quantile(0.99)),
                        spreadPeak.phase().latencies().quantile(0.99) <= 200),
                target("no p99 above 1 s at any concurrency", "worst %.1f ms".formatted(worstP99), worstP99 <= 1000),
                target(
                        "one hot wallet, 64 connections: ≥ 1.5× the single-client JDBC ceiling",
                        "%.0f/s = %.2f× %.0f/s"
                                .formatted(
                                        hot64.phase().acceptedPerSecond(),
                                        hot64.phase().acceptedPerSecond() / hotSingleClient,
                                        hotSingleClient),
                        hot64.phase().acceptedPerSecond() >= 1.5 * hotSingleClient),
                target(
                        "api-service CPU per top-up ≤ 1 ms (at the spread peak)",
                        "%.2f ms".formatted(spreadPeak.cpuMillisPerTopUp()[api]),
                        spreadPeak.cpuMillisPerTopUp()[api] <= 1.0),
                target(
                        "api-service RSS ≤ 512 MiB",
                        "%.0f MiB".formatted(maxResident[api] / 1048576.0),
                        maxResident[api] <= 512L * 1024 * 1024),
                target(
                        "outbox age p99 < 100 ms at the peak",
                        spreadPeak.delays().relay().at(0.99) + " ms",
                        spreadPeak.delays().relay().quantile(0.99) < 100),
                target(
                        "the ledger never more than 1 s behind (commit→audit, every HTTP step)",
                        "longest %.0f ms".formatted(worstAudit),
                        worstAudit <= 1000));
    }

    private static String target(String what, String figure, boolean met) {
        return "| %s | %s | %s |".formatted(what, figure, met ? "yes" : "**no**");
    }

    private static void progress(String format, Object... args) {
        System.out.println("e2e: " + format.formatted(args));
    }
}
