package com.outboxwallet.paysim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The simulator in a JVM of its own, for tests in other modules: started with this JVM's class path, stopped on
 * {@link #close()}. {@code try (var provider = SimulatorProcess.start(SimulatorProcess.options(key))) …}.
 */
public final class SimulatorProcess implements AutoCloseable {

    /** What the simulator is started with; each wither returns a copy. */
    public record Options(
            String serverKey,
            int port,
            @Nullable String notificationUrl,
            String retrySchedule,
            Duration defaultExpiry,
            @Nullable Path stateFile,
            String bind) {

        public Options notificationUrl(String url) {
            return new Options(serverKey, port, url, retrySchedule, defaultExpiry, stateFile, bind);
        }

        /** @param schedule the waits before each retry, {@code 200ms,500ms,1s} */
        public Options retrySchedule(String schedule) {
            return new Options(serverKey, port, notificationUrl, schedule, defaultExpiry, stateFile, bind);
        }

        public Options defaultExpiry(Duration expiry) {
            return new Options(serverKey, port, notificationUrl, retrySchedule, expiry, stateFile, bind);
        }

        public Options stateFile(Path file) {
            return new Options(serverKey, port, notificationUrl, retrySchedule, defaultExpiry, file, bind);
        }

        /** @param address where it listens: loopback unless its clients are in other network namespaces */
        public Options bind(String address) {
            return new Options(serverKey, port, notificationUrl, retrySchedule, defaultExpiry, stateFile, address);
        }

        public Options port(int number) {
            return new Options(serverKey, number, notificationUrl, retrySchedule, defaultExpiry, stateFile, bind);
        }
    }

    /** Any free port, retries a fifth of a second apart, a day to pay. */
    public static Options options(String serverKey) {
        return new Options(serverKey, 0, null, "200ms,200ms,500ms,1s,2s", Duration.ofDays(1), null, "127.0.0.1");
    }

    private final Process process;
    private final String baseUrl;

    private SimulatorProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    public static SimulatorProcess start(Options options) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                PaymentSimulator.class.getName(),
                "--server-key=" + options.serverKey(),
                "--port=" + options.port(),
                "--bind=" + options.bind(),
                "--retry-schedule=" + options.retrySchedule(),
                "--default-expiry=" + PaymentSimulator.option(options.defaultExpiry()),
                "--parent-pid=" + ProcessHandle.current().pid()));
        if (options.notificationUrl() != null) {
            command.add("--notification-url=" + options.notificationUrl());
        }
        if (options.stateFile() != null) {
            command.add("--state-file=" + options.stateFile());
        }
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> listening = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name("payment-simulator-output").start(() -> {
                try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith(PaymentSimulator.LISTENING)) {
                            listening.complete(line.substring(PaymentSimulator.LISTENING.length())
                                    .trim());
                        }
                        System.out.println("[payment-simulator] " + line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
                listening.completeExceptionally(new IllegalStateException("the simulator exited before listening"));
            });
            try {
                return new SimulatorProcess(process, listening.get(30, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                process.destroyForcibly();
                throw new IllegalStateException("the payment simulator did not start", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the provider's API root, and the control API's. */
    public String baseUrl() {
        return baseUrl;
    }

    public SimulatorControl control() {
        return new SimulatorControl(baseUrl);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
