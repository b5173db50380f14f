package com.outboxwallet.paysim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The simulator inside the caller's JVM, as {@code ./run-local} runs it beside the embedded PostgreSQL, Kafka and
 * Redis; {@link SimulatorProcess} runs it in a JVM of its own. Midtrans's retry schedule and a day to pay.
 */
public final class EmbeddedSimulator implements AutoCloseable {

    private final Simulator simulator;
    private final SimulatorServer server;

    private EmbeddedSimulator(Simulator simulator, SimulatorServer server) {
        this.simulator = simulator;
        this.server = server;
    }

    /**
     * @param port            0 for any free one
     * @param notificationUrl where notifications go unless a charge names another
     * @param stateFile       where its orders are kept across restarts; null: memory only
     */
    public static EmbeddedSimulator start(
            int port, String serverKey, @Nullable String notificationUrl, @Nullable Path stateFile) {
        SimulatorSettings settings = new SimulatorSettings(
                port,
                serverKey,
                "G000000001",
                notificationUrl,
                SimulatorSettings.MIDTRANS_RETRIES,
                Duration.ofSeconds(10),
                Duration.ofDays(1),
                stateFile,
                "127.0.0.1",
                null);
        Simulator simulator = new Simulator(settings, Clock.systemUTC());
        try {
            return new EmbeddedSimulator(simulator, new SimulatorServer(simulator, settings));
        } catch (IOException e) {
            simulator.close();
            throw new UncheckedIOException("the payment simulator could not listen on port " + port, e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the provider's API root, and the control API's. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
        simulator.close();
    }
}
