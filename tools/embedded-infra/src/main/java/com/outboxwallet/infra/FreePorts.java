package com.outboxwallet.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Local ports for servers started by tests and the launcher. */
public final class FreePorts {

    /**
     * Every port this JVM handed out. The kernel may offer a port it just offered again once its socket is closed: a
     * Kafka node once got the same port for its broker and its controller listeners and did not start.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

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

    private static int unbound() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
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
