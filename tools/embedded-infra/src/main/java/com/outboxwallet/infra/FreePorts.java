package com.outboxwallet.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Local ports for servers started by tests and the launcher. */
public final class FreePorts {

    private FreePorts() {}

    static int orFree(int port) {
        return port > 0 ? port : free();
    }

    public static int free() {
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
