package com.outboxwallet.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Local ports for servers started by tests and the launcher. */
public final class FreePorts {

    /**
     * Every port this JVM handed out. The kernel may offer a port it just offered again once its socket is closed: a
     * Kafka node once got the same port for its broker and its controller listeners and did not start.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** The lowest port handed out: above the well-known and most registered servers' ports. */
    private static final int LOWEST = 10_000;

    /** Where the kernel's ephemeral range begins, read once: it does not move while tests run. */
    private static final int EPHEMERAL_START = ephemeralRangeStart();

    private FreePorts() {}

    static int orFree(int port) {
        return port > 0 ? port : free();
    }

    /** A port nothing listens on now and this JVM has not handed out before. */
    public static int free() {
        while (true) {
            int port = unbound();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
    }

    /**
     * A port below the kernel's ephemeral range, where it can be: a port the kernel hands out for a listener on port 0
     * is one it may also take, before the server that was meant to have it binds it, as the local end of any outgoing
     * connection (an api instance once found its port taken so).
     */
    private static int unbound() {
        for (int attempt = 0; EPHEMERAL_START - LOWEST >= 1_000 && attempt < 100; attempt++) {
            int port = LOWEST + ThreadLocalRandom.current().nextInt(EPHEMERAL_START - LOWEST);
            if (bindable(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port), 1); // every address: a server may listen on any of them
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Linux's {@code ip_local_port_range}; elsewhere, none below which to pick (port 0 then). */
    private static int ephemeralRangeStart() {
        try {
            // Line by line: Files.readString returns one byte of this procfs file, which reports a size of 0.
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .get(0)
                    .trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return LOWEST;
        }
    }

    static boolean inUse(int port) {
        return inUse(InetAddress.getLoopbackAddress().getHostAddress(), port);
    }

    /** Whether something listens at that address of this machine's (or of a network namespace on it). */
    static boolean inUse(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
