package com.outboxwallet.bench;

import com.outboxwallet.infra.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The whole stack in a process of its own, as {@code ./run-local} runs it: the local-stack jar with run-local's JVM
 * flags, configured from the environment. A fresh data directory and free ports, so neither an earlier run nor a
 * developer's own {@code ./run-local} is in the way. Its output goes to a log file, shown when it fails.
 */
final class LocalStackProcess implements AutoCloseable {

    /** The local profile's administrator, who is also the ledger's operator (README). */
    static final String ADMIN = "admin";

    static final String ADMIN_PASSWORD = "admin-local-pass";

    private static final Path JAR_DIRECTORY = Path.of("tools", "local-stack", "target");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /** The relay's leadership gauge, tagged with the mode the leader runs. */
    private static final Pattern RELAY_LEADER =
            Pattern.compile("^relay_leader\\{.*mode=\"(\\w+)\".*} 1\\.0$", Pattern.MULTILINE);

    private final Process process;
    private final Path dataDirectory;
    private final Path log;
    private final Map<String, String> environment;
    private final List<String> command;
    private final Thread stopOnExit = new Thread(this::stop, "local-stack-stop");
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalStackProcess(
            Process process, Path dataDirectory, Path log, Map<String, String> environment, List<String> command) {
        this.process = process;
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.environment = environment;
        this.command = command;
    }

    /** @param settings environment variables on top of the stack's data directory and ports */
    static LocalStackProcess start(Map<String, String> settings) throws IOException {
        Path dataDirectory = Files.createTempDirectory("wallet-bench-stack");
        Path log = Files.createTempFile("wallet-bench-stack", ".log");
        Map<String, String> environment = new LinkedHashMap<>(settings);
        environment.put("LOCAL_DATA_DIR", dataDirectory.toString());
        for (String port : List.of(
                "API_PORT",
                "RELAY_PORT",
                "LEDGER_PORT",
                "LOCAL_POSTGRES_PORT",
                "LOCAL_KAFKA_PORT",
                "LOCAL_REDIS_PORT")) {
            environment.put(port, Integer.toString(FreePorts.free()));
        }
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(runLocalJvmFlags());
        command.addAll(List.of("-jar", jar().toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        LocalStackProcess stack = new LocalStackProcess(builder.start(), dataDirectory, log, environment, command);
        Runtime.getRuntime().addShutdownHook(stack.stopOnExit); // a benchmark stopped with Ctrl-C stops it too
        return stack;
    }

    /** As {@code ./run-local} sets them. */
    private static List<String> runLocalJvmFlags() {
        List<String> flags = new ArrayList<>(List.of("-Xmx1g"));
        if (Runtime.version().feature() >= 23) {
            flags.add("--sun-misc-unsafe-memory-access=allow"); // Kafka and Redisson still use sun.misc.Unsafe
        }
        return flags;
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(JAR_DIRECTORY)) {
            return files.filter(file -> file.getFileName().toString().matches("local-stack-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no local-stack-*-exec.jar in " + JAR_DIRECTORY + ": bin/benchmark builds it"));
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(
                    "no " + JAR_DIRECTORY + ": run bin/benchmark from the repository, which builds local-stack", e);
        }
    }

    /**
     * Until the three services answer their readiness probes and one relay instance leads.
     *
     * @return the mode the leading relay runs, from its {@code relay_leader} gauge
     */
    String awaitReady() {
        List<URI> probes = Stream.of("API_PORT", "RELAY_PORT", "LEDGER_PORT")
                .map(port -> URI.create("http://localhost:" + environment.get(port) + "/actuator/health/readiness"))
                .toList();
        Await.until("the local stack to be ready (log: " + log + ")", START_TIMEOUT, Duration.ofMillis(500), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the local stack exited with " + process.exitValue() + "; the end of its log:\n" + tail(40));
            }
            return probes.stream()
                            .allMatch(probe -> get(probe)
                                    .filter(r -> r.statusCode() == 200)
                                    .isPresent())
                    && relayLeaderMode().isPresent();
        });
        return relayLeaderMode().orElseThrow();
    }

    private Optional<String> relayLeaderMode() {
        return get(URI.create("http://localhost:" + environment.get("RELAY_PORT") + "/actuator/prometheus"))
                .filter(response -> response.statusCode() == 200)
                .map(response -> RELAY_LEADER.matcher(response.body()))
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1));
    }

    private Optional<HttpResponse<String>> get(URI uri) {
        try {
            return Optional.of(http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException notListeningYet) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    URI apiUri() {
        return URI.create("http://localhost:" + environment.get("API_PORT"));
    }

    String kafkaBootstrapServers() {
        return "localhost:" + environment.get("LOCAL_KAFKA_PORT");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + environment.get("LOCAL_POSTGRES_PORT") + "/" + database;
    }

    /** The command and environment it was started with, and where its log is, for the report. */
    String description() {
        return "`java " + String.join(" ", command.subList(1, command.size())) + "` with " + environment + "; its log: "
                + log;
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * SIGTERM lets the stack's shutdown hook stop the services, then Kafka, Redis and PostgreSQL, cleanly. Its child
     * processes (PostgreSQL, Redis) are noted first: once their parent is gone they are no longer its descendants.
     */
    private void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.destroy(); // only those its shutdown did not stop; a handle never reaches a reused pid
                child.onExit().completeOnTimeout(child, 10, TimeUnit.SECONDS).join();
                if (child.isAlive()) {
                    child.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Stops it and deletes its data; the log stays, for a look after a run that went wrong. */
    @Override
    public void close() {
        http.close();
        stop();
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        try {
            Benchmarks.deleteQuietly(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
