package com.outboxwallet.faults;

import com.outboxwallet.local.network.NetworkNamespaces;
import com.outboxwallet.local.processes.Instances;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a run does; every default in one place. The seed decides the top-ups (user and amount of each) and the fault
 * schedule (order, targets, pauses); thread timing does the rest.
 *
 * @param topUps        at least this many top-ups; the load goes on until the fault schedule has ended too
 * @param rate          new top-ups per second over all clients (retries come on top), 0 for as fast as they go
 * @param fundedPercent the share of top-ups that are funded (a payment at the simulated provider, paid or not by its
 *                      user), 0 to 100; the rest are direct
 * @param kafkaBrokers  1, or 3: a cluster whose topics have three replicas, two in sync
 * @param postgresStandby whether PostgreSQL has a synchronous standby the fault {@code failover-postgres} promotes
 * @param partitions    how the {@code cut-…}, {@code slow-…} and {@code isolate-kafka-broker} faults reach the
 *                      links between processes, if at all
 * @param faultsEach    how many times each kind of fault is injected
 * @param overlapPercent the chance, in percent, that a fault strikes together with the one before it (when they hit
 *                      different parts: a broker killed while PostgreSQL restarts); 0, one at a time
 * @param outage        how long the ledger's database is unreachable in {@link FaultKind#LEDGER_DATABASE_UNREACHABLE},
 *                      the provider misbehaves, and at most how long a link stays cut (at least a tenth of it)
 * @param gap           the pause between the end of one fault's recovery and the next fault, at most
 * @param strategy      the api-service's {@code wallet.concurrency.strategy}
 * @param relayMode     the relay's {@code relay.mode}
 * @param historyDir    where the history of every attempt and the report are written
 */
public record FaultTestSettings(
        long seed,
        int topUps,
        int rate,
        int fundedPercent,
        int users,
        int kafkaBrokers,
        boolean postgresStandby,
        Partitions partitions,
        int clients,
        int faultsEach,
        int overlapPercent,
        Duration outage,
        Duration gap,
        String strategy,
        String relayMode,
        Instances instances,
        Set<FaultKind> kinds,
        Path historyDir) {

    static final String USAGE = """
            usage: bin/fault-test [--seed=N] [--top-ups=100000] [--rate=100] [--funded-percent=10] [--users=200]
                                  [--kafka-brokers=1] [--postgres-standby] [--partitions[=namespaces|proxies]]
                                  [--clients=32]
                                  [--faults-each=5]
                                  [--overlap-percent=0] [--outage-seconds=60] [--gap-seconds=5]
                                  [--strategy=atomic-update] [--relay-mode=polling]
                                  [--instances=api=2,relay=2,ledger=2] [--faults=kill-api,kill-relay,…]
                                  [--history-dir=target/fault-test]""";

    public FaultTestSettings {
        kinds = Set.copyOf(kinds);
        if (topUps < 1 || users < 1 || clients < 1 || faultsEach < 0 || rate < 0) {
            throw new IllegalArgumentException(
                    "top-ups, users and clients must be positive, faults-each and rate not negative");
        }
        if (fundedPercent < 0 || fundedPercent > 100) {
            throw new IllegalArgumentException("funded-percent is 0 to 100, not " + fundedPercent);
        }
        if (overlapPercent < 0 || overlapPercent > 100) {
            throw new IllegalArgumentException("overlap-percent is 0 to 100, not " + overlapPercent);
        }
        if (kafkaBrokers != 1 && kafkaBrokers != 3) {
            throw new IllegalArgumentException("kafka-brokers is 1 or 3, not " + kafkaBrokers);
        }
        if (!postgresStandby && kinds.contains(FaultKind.FAILOVER_POSTGRES)) {
            throw new IllegalArgumentException("failover-postgres needs --postgres-standby");
        }
        if (kafkaBrokers == 1
                && (kinds.contains(FaultKind.KILL_KAFKA_BROKER) || kinds.contains(FaultKind.ISOLATE_KAFKA_BROKER))) {
            throw new IllegalArgumentException("kill-kafka-broker and isolate-kafka-broker need --kafka-brokers=3");
        }
        if (partitions == Partitions.NONE && kinds.stream().anyMatch(FaultKind::cutsLinks)) {
            throw new IllegalArgumentException(
                    "the partition faults (" + FaultKind.names(FaultKind.PARTITIONS) + ") need --partitions");
        }
        if (partitions == Partitions.PROXIES && kinds.stream().anyMatch(FaultKind.NAMESPACES_ONLY::contains)) {
            throw new IllegalArgumentException(FaultKind.names(FaultKind.NAMESPACES_ONLY)
                    + " need --partitions=namespaces (root): proxies cannot come between Kafka and its clients");
        }
        if (fundedPercent == 0 && kinds.stream().anyMatch(FaultKind::hitsPayments)) {
            throw new IllegalArgumentException(
                    "the payment faults (" + FaultKind.names(FaultKind.PAYMENTS) + ") need funded top-ups");
        }
    }

    /** As given on the command line; the network's faults as this machine allows (namespaces need root). */
    public static FaultTestSettings parse(String... args) {
        return parse(NetworkNamespaces.available(), args);
    }

    /**
     * @param namespaces whether processes can have network namespaces of their own here; without them, partitions
     *                   are made by proxies, which cannot come between Kafka and its clients
     */
    static FaultTestSettings parse(boolean namespaces, String... args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--postgres-standby")) {
                options.put(arg.substring(2), "true"); // a flag
                continue;
            }
            if (arg.equals("--partitions")) {
                options.put("partitions", namespaces ? "namespaces" : "proxies"); // what this machine allows
                continue;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("not an option: " + arg + "\n" + USAGE);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Set<String> known = Set.of(
                "seed",
                "top-ups",
                "rate",
                "funded-percent",
                "users",
                "kafka-brokers",
                "postgres-standby",
                "partitions",
                "clients",
                "faults-each",
                "overlap-percent",
                "outage-seconds",
                "gap-seconds",
                "strategy",
                "relay-mode",
                "instances",
                "faults",
                "history-dir");
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
            }
        }
        String strategy = options.getOrDefault("strategy", "atomic-update");
        int fundedPercent = Integer.parseInt(options.getOrDefault("funded-percent", "10"));
        int kafkaBrokers = Integer.parseInt(options.getOrDefault("kafka-brokers", "1"));
        boolean postgresStandby = Boolean.parseBoolean(options.getOrDefault("postgres-standby", "false"));
        Partitions partitions = Partitions.parse(options.getOrDefault("partitions", "none"));
        return new FaultTestSettings(
                Long.parseLong(options.getOrDefault(
                        "seed", Long.toString(ThreadLocalRandom.current().nextLong(1L << 48)))),
                Integer.parseInt(options.getOrDefault("top-ups", "100000")),
                Integer.parseInt(options.getOrDefault("rate", "100")),
                fundedPercent,
                Integer.parseInt(options.getOrDefault("users", "200")),
                kafkaBrokers,
                postgresStandby,
                partitions,
                Integer.parseInt(options.getOrDefault("clients", "32")),
                Integer.parseInt(options.getOrDefault("faults-each", "5")),
                Integer.parseInt(options.getOrDefault("overlap-percent", "0")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("outage-seconds", "60"))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("gap-seconds", "5"))),
                strategy,
                options.getOrDefault("relay-mode", "polling"),
                Instances.parse(options.getOrDefault("instances", "api=2,relay=2,ledger=2")),
                options.containsKey("faults")
                        ? FaultKind.parseAll(options.get("faults"))
                        : FaultKind.forRun(
                                strategy,
                                fundedPercent > 0,
                                kafkaBrokers > 1,
                                postgresStandby,
                                partitions != Partitions.NONE,
                                partitions == Partitions.NAMESPACES),
                Path.of(options.getOrDefault("history-dir", "target/fault-test"))
                        .toAbsolutePath());
    }

    /** How links between processes are cut and slowed. */
    enum Partitions {
        /** Not at all: every process on loopback. */
        NONE,
        /** Each process in a network namespace of its own (root): every link, Kafka's too. */
        NAMESPACES,
        /** Each service instance reaches PostgreSQL and Redis through proxies of its own: no root needed. */
        PROXIES;

        String option() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Partitions parse(String text) {
            return Arrays.stream(values())
                    .filter(value -> value.option().equals(text))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "--partitions is namespaces or proxies (or alone: namespaces as root), not " + text));
        }
    }

    /** The command line that repeats this run. */
    String command() {
        return "bin/fault-test --seed=" + seed + " --top-ups=" + topUps + " --rate=" + rate + " --funded-percent="
                + fundedPercent + " --users=" + users + " --kafka-brokers=" + kafkaBrokers
                + (postgresStandby ? " --postgres-standby" : "")
                + (partitions == Partitions.NONE ? "" : " --partitions=" + partitions.option())
                + " --clients=" + clients
                + " --faults-each=" + faultsEach + " --overlap-percent=" + overlapPercent + " --outage-seconds="
                + outage.toSeconds() + " --gap-seconds="
                + gap.toSeconds() + " --strategy=" + strategy + " --relay-mode=" + relayMode + " --instances="
                + instancesText() + " --faults=" + FaultKind.names(kinds);
    }

    String instancesText() {
        StringBuilder text = new StringBuilder();
        instances.counts().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> text.append(text.isEmpty() ? "" : ",")
                        .append(entry.getKey().shortName())
                        .append('=')
                        .append(entry.getValue()));
        return text.toString();
    }
}
