package com.outboxwallet.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How and where a benchmark ran, printed above its figures. */
final class RunDescription {

    private RunDescription() {}

    static String of(String benchmark, BenchmarkSettings settings) {
        return """
                ## %s — %s
                - command: `bin/benchmark %s %s`
                - machine: %s, %d cores, %d MiB heap max; Java %s (%s); %s %s
                - infrastructure: %s
                """.formatted(
                                benchmark,
                                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                                benchmark,
                                settings.options(benchmark),
                                cpu(),
                                Runtime.getRuntime().availableProcessors(),
                                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                                System.getProperty("java.version"),
                                System.getProperty("java.vm.name"),
                                System.getProperty("os.name"),
                                System.getProperty("os.arch"),
                                infrastructure(benchmark))
                + "- JVM arguments: " + ManagementFactory.getRuntimeMXBean().getInputArguments() + "\n";
    }

    private static String infrastructure(String benchmark) {
        if ("e2e".equals(benchmark)) {
            return """
                    embedded PostgreSQL 17 (fsync=on, synchronous_commit=on) and Redis 6.2 as processes of their own,
                      Kafka 4.1 and each service from its executable jar in a JVM of its own; this JVM is the load
                      generator, over real HTTP""";
        }
        if ("pipeline".equals(benchmark)) {
            return """
                    the local stack as ./run-local runs it, in a child process: embedded PostgreSQL 17 (fsync=on,
                      synchronous_commit=on), Redis 6.2, Kafka 4.1 and the three services in one JVM; this JVM is the
                      load generator, over real HTTP""";
        }
        return """
                embedded PostgreSQL 17 (fsync=on, synchronous_commit=on), Redis 6.2, Kafka 4.1, all on
                  this machine; the services measured in the same JVM""";
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }
}
