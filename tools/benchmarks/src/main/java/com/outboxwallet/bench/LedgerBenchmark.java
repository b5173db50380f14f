package com.outboxwallet.bench;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger-service's apply rate from a pre-filled topic, and its replay. Per scenario a fresh topic and a fresh
 * ledger database on the benchmark's embedded servers: N events spread over many wallets (all partitions busy), and N
 * events of one hot wallet (one partition, so one consumer thread). The live ledger's progress is watched from
 * outside, through its consumer group's committed offsets; the ledger's own code is not asked.
 */
final class LedgerBenchmark {

    private static final Duration POLL = Duration.ofMillis(100);
    /** What the measured figures are read from; shown with them, so a figure says what it ran with. */
    private static final List<String> LEDGER_SETTINGS = List.of(
            "spring.kafka.consumer.max-poll-records",
            "spring.kafka.listener.concurrency",
            "spring.kafka.listener.ack-mode",
            "spring.datasource.hikari.maximum-pool-size",
            "spring.kafka.consumer.group-id");

    private final EmbeddedInfrastructure infra;
    private final BenchmarkSettings settings;
    private final List<String> notes = new ArrayList<>();
    private String ledgerSettings = "";
    private int partitions;

    LedgerBenchmark(EmbeddedInfrastructure infra, BenchmarkSettings settings) {
        this.infra = infra;
        this.settings = settings;
    }

    List<String> run() throws Exception {
        List<String> rows = new ArrayList<>(List.of(
                "| scenario | events | wallets | pre-fill s | live apply events/s | live elapsed s "
                        + "| steady 10–90 % events/s | replay events/s | replay elapsed s | exact |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"));
        rows.add(measure("spread", settings.wallets()));
        rows.add(measure("hot", 1));

        List<String> report = new ArrayList<>(List.of(
                "- ledger settings, read from its context: " + ledgerSettings,
                "- per scenario a fresh topic of " + partitions + " partitions (relay.topic.partitions of"
                        + " outbox-relay.yml) and a fresh ledger database, on the same embedded servers; the topic is"
                        + " pre-filled with the relay's own record builder (CloudEventRecords), idempotent producer,"
                        + " acks=all",
                "- live apply: from the ledger's context having started until its consumer group had committed every"
                        + " offset (admin client, polled every " + POLL.toMillis() + " ms); events applied while the"
                        + " context was still starting are left out of the rate (see below). Steady: from 10 % to 90 %"
                        + " of the events",
                "- replay: `replay --from earliest` run in this JVM to its end (rebuild into schema ledger_rebuild,"
                        + " then swap), while the live ledger context keeps running, as operators run it; its time"
                        + " includes the command's own start-up",
                "- exact: audit_log rows = events and sum(wallet_balances.balance) = the sum of the amounts sent,"
                        + " after the live apply and again after the replay, whose exit code is 0",
                ""));
        report.addAll(rows);
        report.add("");
        report.addAll(notes);
        return report;
    }

    private String measure(String scenario, int wallets) throws Exception {
        int events = settings.events();
        String topic = "wallet.events.bench-" + scenario;
        String url = infra.postgres().createDatabase("bench_ledger_" + scenario);
        TopUpTopic.Filled filled = TopUpTopic.fill(infra.kafka().bootstrapServers(), topic, events, wallets);
        partitions = filled.partitions();
        progress(
                scenario,
                "pre-filled %d events over %d wallet(s) in %.1f s; starting the ledger",
                events,
                wallets,
                seconds(filled.elapsedNanos()));

        long starting = System.nanoTime();
        try (ConfigurableApplicationContext ledger = LedgerContexts.start(infra, url, topic);
                DatabaseConnection database = new DatabaseConnection(url)) {
            ApplyTimeline live = new ApplyTimeline(events, System.nanoTime());
            Environment environment = ledger.getEnvironment();
            ledgerSettings = LEDGER_SETTINGS.stream()
                    .map(name -> name + "=" + environment.getProperty(name))
                    .collect(Collectors.joining(", "));
            try (ConsumerGroupProgress group = new ConsumerGroupProgress(
                    infra.kafka().bootstrapServers(),
                    environment.getRequiredProperty("spring.kafka.consumer.group-id"),
                    topic)) {
                Await.until(
                        "the ledger to apply " + events + " events",
                        Duration.ofSeconds(600 + events / 50),
                        POLL,
                        () -> live.observe(System.nanoTime(), group.position().committed()));
            }
            notes.add("- %s: the ledger's context took %.1f s to start and had applied %d events by then"
                    .formatted(scenario, seconds(live.startNanos - starting), live.startCommitted));
            Totals afterLive = Totals.of(database.jdbc());
            progress(
                    scenario,
                    "applied in %.1f s; replaying with the live ledger running",
                    seconds(live.doneNanos - live.startNanos));

            long replayStart = System.nanoTime();
            int exitCode = LedgerContexts.runCommand(infra, url, topic, "replay", "--from", "earliest");
            long replayNanos = System.nanoTime() - replayStart;
            Totals afterReplay = Totals.of(database.jdbc());

            String exact = exitCode == 0
                            && afterLive.match(events, filled.total())
                            && afterReplay.match(events, filled.total())
                    ? "yes"
                    : "NO (live: %s; replay exit code %d, then: %s; expected %d rows, %s)"
                            .formatted(
                                    afterLive,
                                    exitCode,
                                    afterReplay,
                                    events,
                                    filled.total().toPlainString());
            return "| %s | %d | %d | %.1f | %.0f | %.1f | %s | %.0f | %.1f | %s |"
                    .formatted(
                            scenario.equals("hot") ? "1 hot wallet (1 partition)" : "spread over wallets",
                            events,
                            wallets,
                            seconds(filled.elapsedNanos()),
                            live.perSecond(),
                            seconds(live.doneNanos - live.startNanos),
                            live.steadyPerSecond(),
                            events / seconds(replayNanos),
                            seconds(replayNanos),
                            exact);
        }
    }

    private static void progress(String scenario, String format, Object... args) {
        System.out.println("ledger " + scenario + ": " + format.formatted(args));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /**
     * Samples of the group's committed count that bound a live run: its start (the context had started), 10 % and
     * 90 % of the events, and its end. Rates use the counts actually seen at those samples, not the thresholds.
     */
    private static final class ApplyTimeline {

        private final long events;
        private final long startNanos;
        private long startCommitted = -1;
        private long tenNanos = -1;
        private long tenCommitted;
        private long ninetyNanos = -1;
        private long ninetyCommitted;
        private long doneNanos = -1;

        ApplyTimeline(long events, long startNanos) {
            this.events = events;
            this.startNanos = startNanos;
        }

        /** @return whether every event has been applied */
        boolean observe(long nanos, long committed) {
            if (startCommitted < 0) {
                startCommitted = committed;
            }
            if (tenNanos < 0 && committed >= events / 10) {
                tenNanos = nanos;
                tenCommitted = committed;
            }
            if (ninetyNanos < 0 && committed >= events * 9 / 10) {
                ninetyNanos = nanos;
                ninetyCommitted = committed;
            }
            if (committed >= events) {
                doneNanos = nanos;
                return true;
            }
            return false;
        }

        double perSecond() {
            return (events - startCommitted) / seconds(doneNanos - startNanos);
        }

        String steadyPerSecond() {
            return ninetyNanos > tenNanos
                    ? "%.0f".formatted((ninetyCommitted - tenCommitted) / seconds(ninetyNanos - tenNanos))
                    : "n/a";
        }
    }

    /** What the ledger database holds, to compare with what was sent. */
    private record Totals(long auditRows, BigDecimal balances) {

        static Totals of(JdbcClient jdbc) {
            return new Totals(
                    jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single(),
                    jdbc.sql("SELECT coalesce(sum(balance), 0) FROM wallet_balances")
                            .query(BigDecimal.class)
                            .single());
        }

        boolean match(long events, BigDecimal total) {
            return auditRows == events && balances.compareTo(total) == 0;
        }

        @Override
        public String toString() {
            return auditRows + " audit rows, balances " + balances.toPlainString();
        }
    }
}
