package com.outboxwallet.paysim;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar payment-simulator-exec.jar --server-key=… [--port=8090] [--notification-url=…]
 * [--retry-schedule=2m,10m,30m,90m,210m] [--notification-timeout=10s] [--default-expiry=24h] [--state-file=…]
 * [--merchant-id=G000000001] [--bind=127.0.0.1] [--notification-trust=cert.pem]}; the server key may come from {@code PAYSIM_SERVER_KEY} instead. Prints one line,
 * {@code payment-simulator listening on http://127.0.0.1:<port>}, then how to pay from the command line.
 */
public final class PaymentSimulator {

    public static final String LISTENING = "payment-simulator listening on ";

    private PaymentSimulator() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        SimulatorSettings settings;
        try {
            exitWithParent(args);
            settings = settings(args);
        } catch (IllegalArgumentException e) {
            System.err.println("payment-simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        Simulator simulator = new Simulator(settings, Clock.systemUTC());
        SimulatorServer server = new SimulatorServer(simulator, settings);
        // Where a client on this machine reaches it: the address it is bound to, or loopback if it listens on all.
        String host = "0.0.0.0".equals(settings.bind()) ? "127.0.0.1" : settings.bind();
        String base = "http://" + host + ":" + server.port();
        System.out.println(LISTENING + base);
        System.out.println(
                "  pay a virtual account:  curl -X POST " + base + "/simulator/virtual-accounts/<number>/pay");
        System.out.println("  pay any order:          curl -X POST " + base + "/simulator/orders/<order id>/pay");
        System.out.println("  see the orders:         curl " + base + "/simulator/orders");
        System.out.println("  faults (tools/payment-simulator/README.md):  curl -X PUT " + base
                + "/simulator/faults -H 'Content-Type: application/json' -d '{\"duplicateNotifications\":5}'");
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            simulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    /**
     * {@code --parent-pid=N}: the simulator exits when that process does, so that a test JVM killed before it could
     * stop its simulator leaves none behind ({@link SimulatorProcess} passes its own pid).
     */
    private static void exitWithParent(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--parent-pid=")) {
                long pid = Long.parseLong(arg.substring("--parent-pid=".length()));
                ProcessHandle.of(pid)
                        .orElseThrow(() -> new IllegalArgumentException("no process " + pid))
                        .onExit()
                        .thenRun(() -> System.exit(0));
            }
        }
    }

    static SimulatorSettings settings(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--parent-pid=")) {
                continue;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        String serverKey = options.getOrDefault("server-key", System.getenv("PAYSIM_SERVER_KEY"));
        if (serverKey == null || serverKey.isBlank()) {
            throw new IllegalArgumentException("--server-key (or PAYSIM_SERVER_KEY) is required");
        }
        String state = options.get("state-file");
        SimulatorSettings settings = new SimulatorSettings(
                Integer.parseInt(options.getOrDefault("port", "8090")),
                serverKey,
                options.getOrDefault("merchant-id", "G000000001"),
                options.get("notification-url"),
                options.containsKey("retry-schedule")
                        ? SimulatorServer.schedule(options.get("retry-schedule"))
                        : SimulatorSettings.MIDTRANS_RETRIES,
                SimulatorSettings.duration(options.getOrDefault("notification-timeout", "10s")),
                SimulatorSettings.duration(options.getOrDefault("default-expiry", "24h")),
                state == null ? null : Path.of(state),
                options.getOrDefault("bind", "127.0.0.1"),
                options.containsKey("notification-trust") ? Path.of(options.get("notification-trust")) : null);
        java.util.Set<String> known = java.util.Set.of(
                "port",
                "server-key",
                "merchant-id",
                "notification-url",
                "retry-schedule",
                "notification-timeout",
                "default-expiry",
                "state-file",
                "bind",
                "notification-trust");
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + known);
            }
        }
        return settings;
    }

    /** For {@link SimulatorProcess}: a duration as the options write it. */
    static String option(Duration duration) {
        return duration.toMillis() + "ms";
    }
}
