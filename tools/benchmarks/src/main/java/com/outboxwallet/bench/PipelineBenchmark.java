package com.outboxwallet.bench;

import com.outboxwallet.events.WalletTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The end-to-end figure: the api-service's peak over real HTTP from a process of its own, the ledger's lag in the same
 * run, and commit→audit-log latency at half that peak, split into the relay's part and the ledger's. The stack runs
 * as {@code ./run-local} runs it; the figures come from its HTTP answers, its databases and its consumer group, never
 * from inside it.
 */
final class PipelineBenchmark {

    /** High enough never to refuse a benchmark's top-up, yet still checked on every request, as in production. */
    private static final int RATE_LIMIT = 1_000_000;

    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration CATCH_UP_POLL = Duration.ofMillis(100);
    private static final Duration LAG_SAMPLE = Duration.ofMillis(500);

    private final BenchmarkSettings settings;

    PipelineBenchmark(BenchmarkSettings settings) {
        this.settings = settings;
    }

    /**
     * @param maxLag  the most records the ledger's consumer group was behind, from the phase's start until caught up
     * @param catchUp from the phase's last answer until the audit log held every top-up
     */
    private record Measured(LoadPhase load, long maxLag, Duration catchUp, StackDatabases.Delays delays) {}

    List<String> run() throws Exception {
        progress("starting the local stack (relay mode %s)", settings.relayMode());
        try (LocalStackProcess stack = LocalStackProcess.start(Map.of(
                "RELAY_MODE", settings.relayMode(),
                "WALLET_RATELIMIT_REQUESTS", Integer.toString(RATE_LIMIT)))) {
            String relayMode = stack.awaitReady();
            if (!relayMode.equals(settings.relayMode())) {
                throw new IllegalStateException("RELAY_MODE=" + settings.relayMode() + " did not take effect: the"
                        + " relay leads in " + relayMode + " mode");
            }
            StackUsers users = StackUsers.create(stack.apiUri(), "bench-user", settings.users());
            if (!users.rateLimitPolicy().contains(";q=" + RATE_LIMIT + ";")) {
                throw new IllegalStateException("WALLET_RATELIMIT_REQUESTS did not take effect: RateLimit-Policy is "
                        + users.rateLimitPolicy());
            }
            String group = ServiceConfiguration.of("ledger-service", Map.of())
                    .bind("spring.kafka.consumer.group-id", String.class)
                    .get();
            try (StackDatabases databases = new StackDatabases(stack.jdbcUrl("wallet"), stack.jdbcUrl("ledger"));
                    ConsumerGroupProgress ledgerGroup = new ConsumerGroupProgress(
                            stack.kafkaBootstrapServers(), group, WalletTopics.WALLET_EVENTS);
                    TopUpLoad load = new TopUpLoad(List.of(stack.apiUri()), users.authorizations())) {
                progress("warm-up: %d connections flat out for %d s", settings.connections(), settings.warmupSeconds());
                load.flatOut(settings.connections(), Duration.ofSeconds(settings.warmupSeconds()));
                awaitCaughtUp(databases);

                progress("peak: %d connections flat out for %d s", settings.connections(), settings.seconds());
                Supplier<Map<UUID, Instant>> sendTimes =
                        () -> TopicSendTimes.of(stack.kafkaBootstrapServers(), WalletTopics.WALLET_EVENTS);
                Measured peak = measure(
                        ledgerGroup,
                        databases,
                        sendTimes,
                        () -> load.flatOut(settings.connections(), Duration.ofSeconds(settings.seconds())));
                if (peak.load().accepted().isEmpty()) {
                    throw new IllegalStateException("no top-up was accepted at the peak; answers: "
                            + peak.load().others());
                }
                double halfRate = peak.load().acceptedPerSecond() / 2;
                progress(
                        "half peak: %.0f top-ups/s open loop, %d s to settle, then %d s measured",
                        halfRate, settings.settleSeconds(), settings.seconds());
                load.paced(halfRate, Duration.ofSeconds(settings.settleSeconds()));
                Measured half = measure(
                        ledgerGroup,
                        databases,
                        sendTimes,
                        () -> load.paced(halfRate, Duration.ofSeconds(settings.seconds())));
                return report(stack, relayMode, users, group, peak, half, halfRate, databases.exactness());
            }
        }
    }

    private static Measured measure(
            ConsumerGroupProgress ledgerGroup,
            StackDatabases databases,
            Supplier<Map<UUID, Instant>> sendTimes,
            Callable<LoadPhase> load)
            throws Exception {
        AtomicLong maxLag = new AtomicLong();
        LoadPhase phase;
        Duration catchUp;
        try (ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor()) {
            sampler.scheduleAtFixedRate(
                    () -> {
                        try {
                            maxLag.accumulateAndGet(ledgerGroup.position().lag(), Math::max);
                        } catch (RuntimeException brokerBusy) {
                            // A sample the broker did not answer in time is skipped; a thrown one would end the
                            // sampling.
                        }
                    },
                    0,
                    LAG_SAMPLE.toMillis(),
                    TimeUnit.MILLISECONDS);
            phase = load.call();
            catchUp = awaitCaughtUp(databases);
        }
        return new Measured(phase, maxLag.get(), catchUp, databases.delays(phase.accepted(), sendTimes.get()));
    }

    /** @return how long the ledger took, after the load stopped, to hold every accepted top-up */
    private static Duration awaitCaughtUp(StackDatabases databases) {
        long stopped = System.nanoTime();
        Await.until("the ledger to catch up", CATCH_UP_TIMEOUT, CATCH_UP_POLL, databases::ledgerCaughtUp);
        return Duration.ofNanos(System.nanoTime() - stopped);
    }

    private List<String> report(
            LocalStackProcess stack,
            String relayMode,
            StackUsers users,
            String group,
            Measured peak,
            Measured half,
            double halfRate,
            StackDatabases.Exactness exactness) {
        List<String> lines = new ArrayList<>(List.of(
                "- stack: " + stack.description(),
                "- settings seen to take effect: the relay leads in `" + relayMode + "` mode (its relay_leader gauge);"
                        + " the API answers `RateLimit-Policy: " + users.rateLimitPolicy() + "`",
                "- load: top-ups of 10.00 over real HTTP from this JVM, HTTP Basic rotating over " + settings.users()
                        + " users created through the admin API, a new Idempotency-Key each; one HTTP/1.1 client"
                        + " with keep-alive connections. Warm-up: " + settings.connections() + " connections flat out"
                        + " for " + settings.warmupSeconds() + " s, left out of every figure; the ledger caught up"
                        + " before the peak",
                "- peak: " + settings.connections() + " connections flat out for " + settings.seconds() + " s; half"
                        + " peak: open loop at half the peak's accepted rate for " + settings.seconds() + " s, HTTP"
                        + " latency counted from when each request was due, after " + settings.settleSeconds()
                        + " s of the same load left out (the stack settling after the flat-out peak). HTTP latency is"
                        + " of accepted (201) top-ups",
                "- ledger lag: records the consumer group `" + group + "` is behind the end of "
                        + WalletTopics.WALLET_EVENTS + ", sampled every " + LAG_SAMPLE.toMillis() + " ms from the"
                        + " phase's start until the ledger caught up; catch-up: from the phase's last answer until"
                        + " count(audit_log) = count(top_ups)",
                "- commit→audit log, for every top-up accepted in the phase: from the commit of the top-up's"
                        + " transaction to the commit of the ledger transaction that wrote its audit-log row (both"
                        + " pg_xact_commit_timestamp(xmin), PostgreSQL's clock). Relay part: until the relay sent the"
                        + " event (the Kafka record's CreateTime, the relay's clock, milliseconds); ledger part: the"
                        + " rest (broker, consumer, the ledger's transaction). One machine, one clock",
                "",
                "| phase | offered | accepted top-ups/s | HTTP p50 ms | HTTP p99 ms | other answers "
                        + "| max ledger lag (records) | ledger catch-up after load s |",
                "|---|---|---:|---:|---:|---|---:|---:|"));
        lines.add(loadRow("peak", settings.connections() + " connections flat out", peak));
        lines.add(loadRow("half peak", "%.0f/s open loop".formatted(halfRate), half));
        lines.addAll(List.of("", "| phase | delay | p50 ms | p99 ms | max ms |", "|---|---|---:|---:|---:|"));
        lines.addAll(delayRows("peak", peak.delays()));
        lines.addAll(delayRows("half peak", half.delays()));
        lines.addAll(List.of("", "- exact: " + exactness));
        return lines;
    }

    private static String loadRow(String phase, String offered, Measured measured) {
        return "| %s | %s | %.0f | %s | %s | %d | %.1f |"
                .formatted(
                        phase,
                        offered,
                        measured.load().acceptedPerSecond(),
                        measured.load().latencies().at(0.50, 0.99),
                        measured.load().others(),
                        measured.maxLag(),
                        measured.catchUp().toMillis() / 1000.0);
    }

    private static List<String> delayRows(String phase, StackDatabases.Delays delays) {
        return List.of(
                "| %s | commit→audit log | %s |".formatted(phase, delays.whole().at(0.50, 0.99, 1.0)),
                "| %s | relay: commit→sent to Kafka | %s |"
                        .formatted(phase, delays.relay().at(0.50, 0.99, 1.0)),
                "| %s | ledger: sent→audit log commit | %s |"
                        .formatted(phase, delays.ledger().at(0.50, 0.99, 1.0)));
    }

    private static void progress(String format, Object... args) {
        System.out.println("pipeline: " + format.formatted(args));
    }
}
