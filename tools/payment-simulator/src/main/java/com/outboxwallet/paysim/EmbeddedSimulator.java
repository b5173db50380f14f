package com.outboxwallet.paysim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The simulator inside the caller's JVM, as {@code ./run-local} runs it beside the embedded PostgreSQL, Kafka and
 * Redis and {@code bin/fault-test} runs it beside its load; {@link SimulatorProcess} runs it in a JVM of its own.
 */
public final class EmbeddedSimulator implements AutoCloseable {

    /** Midtrans's own retry schedule, as {@link SimulatorProcess.Options#retrySchedule(String)} writes it. */
    public static final String MIDTRANS_RETRY_SCHEDULE = "2m,10m,30m,90m,210m";

    private final Simulator simulator;
    private final SimulatorServer server;

    private final String bind;

    private EmbeddedSimulator(Simulator simulator, SimulatorServer server, String bind) {
        this.bind = bind;
        this.simulator = simulator;
        this.server = server;
    }

    /**
     * Midtrans's retry schedule and a day to pay.
     *
     * @param port            0 for any free one
     * @param notificationUrl where notifications go unless a charge names another
     * @param stateFile       where its orders are kept across restarts; null: memory only
     */
    public static EmbeddedSimulator start(
            int port, String serverKey, @Nullable String notificationUrl, @Nullable Path stateFile) {
        SimulatorProcess.Options options =
                SimulatorProcess.options(serverKey).port(port).retrySchedule(MIDTRANS_RETRY_SCHEDULE);
        options = notificationUrl == null ? options : options.notificationUrl(notificationUrl);
        return start(stateFile == null ? options : options.stateFile(stateFile));
    }

    /** Started with the options {@link SimulatorProcess} would give a process of its own. */
    public static EmbeddedSimulator start(SimulatorProcess.Options options) {
        SimulatorSettings settings = new SimulatorSettings(
                options.port(),
                options.serverKey(),
                "G000000001",
                options.notificationUrl(),
                SimulatorServer.schedule(options.retrySchedule()),
                Duration.ofSeconds(10),
                options.defaultExpiry(),
                options.stateFile(),
                options.bind(),
                null);
        Simulator simulator = new Simulator(settings, Clock.systemUTC());
        try {
            return new EmbeddedSimulator(simulator, new SimulatorServer(simulator, settings), options.bind());
        } catch (IOException e) {
            simulator.close();
            throw new UncheckedIOException("the payment simulator could not listen on port " + options.port(), e);
        }
    }

    /** {@code http://<bound address>:<port>}: the provider's API root, and the control API's. */
    public String baseUrl() {
        return "http://" + bind + ":" + server.port();
    }

    public SimulatorControl control() {
        return new SimulatorControl(baseUrl());
    }

    /** Notifications being delivered right now: sent, their answer not yet back. */
    public int notificationsInFlight() {
        return simulator.deliveriesInFlight();
    }

    @Override
    public void close() {
        server.close();
        simulator.close();
    }
}
