package com.outboxwallet.bench;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import com.outboxwallet.infra.InfraSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/benchmark strategies|auth|relay|ledger|pipeline|e2e [--name=value ...]}: measures, and prints a Markdown
 * table with how it was run. {@code strategies}, {@code auth}, {@code relay} and {@code ledger} start embedded
 * PostgreSQL (fsync and synchronous_commit on), Kafka and Redis and run the services measured in this JVM;
 * {@code pipeline} runs the whole local stack as a process of its own and {@code e2e} each service in a process of
 * its own, and both load it over HTTP.
 */
public final class Benchmarks {

    private interface OnEmbeddedInfrastructure {
        List<String> run(EmbeddedInfrastructure infra, BenchmarkSettings settings) throws Exception;
    }

    private static final Map<String, OnEmbeddedInfrastructure> ON_EMBEDDED_INFRASTRUCTURE = Map.of(
            "strategies", (infra, settings) -> new StrategyBenchmark(infra, settings).run(),
            "auth", (infra, settings) -> new AuthBenchmark(infra, settings).run(),
            "relay", (infra, settings) -> new RelayBenchmark(infra, settings).run(),
            "ledger", (infra, settings) -> new LedgerBenchmark(infra, settings).run());

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "strategies" : args[0];
        BenchmarkSettings settings =
                BenchmarkSettings.parse(which, Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        List<String> report;
        if ("pipeline".equals(which)) {
            report = new PipelineBenchmark(settings).run();
        } else if ("e2e".equals(which)) {
            report = new EndToEndBenchmark(settings).run();
        } else if (ON_EMBEDDED_INFRASTRUCTURE.containsKey(which)) {
            report = onEmbeddedInfrastructure(ON_EMBEDDED_INFRASTRUCTURE.get(which), settings);
        } else {
            throw new IllegalArgumentException(
                    "unknown benchmark '" + which + "': strategies, auth, relay, ledger, pipeline or e2e");
        }
        System.out.println();
        System.out.println(RunDescription.of(which, settings));
        report.forEach(System.out::println);
    }

    private static List<String> onEmbeddedInfrastructure(OnEmbeddedInfrastructure benchmark, BenchmarkSettings settings)
            throws Exception {
        Path data = Files.createTempDirectory("wallet-bench");
        try (EmbeddedInfrastructure infra = EmbeddedInfrastructure.start(new InfraSettings(0, 0, 0, data, true))) {
            return benchmark.run(infra, settings);
        } finally {
            deleteQuietly(data);
        }
    }

    static void deleteQuietly(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
