package com.outboxwallet.bench;

import com.outboxwallet.infra.EmbeddedInfrastructure;
import com.outboxwallet.infra.InfraSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * {@code bin/benchmark strategies|auth|relay [--threads=N] [--top-ups=N] [--requests=N]}: starts embedded PostgreSQL
 * (fsync and synchronous_commit on), Kafka and Redis, runs the api-service in this JVM, measures, and prints a
 * Markdown table with how it was run.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.parse(Arrays.copyOfRange(args, Math.min(1, args.length),
                args.length));
        String which = args.length == 0 ? "strategies" : args[0];
        Path data = Files.createTempDirectory("wallet-bench");
        try (EmbeddedInfrastructure infra = EmbeddedInfrastructure.start(new InfraSettings(0, 0, 0, data, true))) {
            List<String> report = switch (which) {
                case "strategies" -> new StrategyBenchmark(infra, settings).run();
                case "auth" -> new AuthBenchmark(infra, settings).run();
                case "relay" -> new RelayBenchmark(infra, settings).run();
                default -> throw new IllegalArgumentException("unknown benchmark '" + which
                        + "': strategies, auth or relay");
            };
            System.out.println();
            System.out.println(RunDescription.of(which, settings));
            report.forEach(System.out::println);
        } finally {
            deleteQuietly(data);
        }
    }

    private static void deleteQuietly(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
