package com.outboxwallet.local.processes;

import com.outboxwallet.local.Service;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** One instance of a service, in its own JVM, on a port of its own that it keeps across restarts. */
public final class ServiceInstance {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final int number;
    private final String host;
    private final int port;
    private final ChildJvm jvm;

    /** @param host the address it listens at: {@code localhost}, or its network namespace's */
    ServiceInstance(Service service, int number, String host, int port, ChildJvm jvm) {
        this.service = service;
        this.number = number;
        this.host = host;
        this.port = port;
        this.jvm = jvm;
    }

    public Service service() {
        return service;
    }

    /** 1, 2, … within its service. */
    public int number() {
        return number;
    }

    public String name() {
        return jvm.name();
    }

    /** Where it listens and connects from: {@code localhost}, or the address of its network namespace. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public URI uri() {
        return URI.create("http://" + host + ":" + port);
    }

    public ChildJvm jvm() {
        return jvm;
    }

    /** Until its readiness probe answers 200; fails at once if the JVM exits, with the end of its log. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest probe = HttpRequest.newBuilder(uri().resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (true) {
            if (!jvm.isAlive()) {
                throw new ExitedWhileStarting(
                        name() + " exited while starting; the end of its log (" + jvm.log() + "):\n" + jvm.tail(40));
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name(), e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name() + " not ready after " + timeout + "; see " + jvm.log());
            }
            jvm.awaitExit(Duration.ofMillis(250));
        }
    }

    /** The instance's JVM ended before it was ready, as a service does when it cannot start (its database refused). */
    public static final class ExitedWhileStarting extends IllegalStateException {

        ExitedWhileStarting(String message) {
            super(message);
        }
    }

    @Override
    public String toString() {
        return jvm + " on port " + port;
    }
}
