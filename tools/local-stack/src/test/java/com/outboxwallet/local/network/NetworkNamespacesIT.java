package com.outboxwallet.local.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real namespaces, a real bridge and real routing rules: what the fault harness's partitions are made of. */
class NetworkNamespacesIT {

    private static final int ECHO_PORT = 7007;
    private static final Duration SILENCE = Duration.ofSeconds(2);

    @TempDir
    Path directory;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aCutLinkIsSilentBothWaysWhileOtherLinksWorkAndAHealedOneCarriesOn() throws Exception {
        try (NetworkNamespaces network = NetworkNamespaces.create()) {
            String server = network.addHost("server");
            String client = network.addServer("client").address(); // an address of this JVM's namespace
            startEcho(network, "server");
            try (Socket established = connect(client, server)) {
                assertThat(echo(established, "before")).isEqualTo("before");

                network.cut("client", "server");

                assertThat(echoWithin(established, "during"))
                        .as("an established connection hears nothing")
                        .isNull();
                assertThatThrownBy(() -> connect(client, server))
                        .as("a new connection is neither accepted nor refused")
                        .isInstanceOf(SocketTimeoutException.class);
                try (Socket other = connect(network.localAddress(), server)) {
                    assertThat(echo(other, "other"))
                            .as("another client's link is not cut")
                            .isEqualTo("other");
                }

                network.heal("client", "server");

                established.setSoTimeout((int) Duration.ofSeconds(30).toMillis()); // TCP's retransmission back-off
                assertThat(new BufferedReader(new InputStreamReader(established.getInputStream(), UTF8)).readLine())
                        .as("what was sent during the cut arrives once it heals")
                        .isEqualTo("during");
            }
        }
    }

    @Test
    void anIsolatedHostReachesNoOneAndNoOneReachesIt() throws Exception {
        try (NetworkNamespaces network = NetworkNamespaces.create()) {
            String server = network.addHost("server");
            startEcho(network, "server");
            connect(network.localAddress(), server).close();

            network.isolate("server");
            assertThatThrownBy(() -> connect(network.localAddress(), server))
                    .isInstanceOf(SocketTimeoutException.class);

            network.rejoin("server");
            try (Socket socket = connect(network.localAddress(), server)) {
                assertThat(echo(socket, "back")).isEqualTo("back");
            }
        }
    }

    @Test
    void closingTearsEverythingDownAndPutsTheRoutesBack() {
        try (NetworkNamespaces network = NetworkNamespaces.create()) {
            network.addHost("gone");
            network.addServer("gone-too");
            assertThat(ip("netns", "list")).contains("ow-gone");
            assertThat(ip("route", "show", NetworkNamespaces.SUBNET, "table", "all"))
                    .contains("unreachable");
        }
        assertThat(ip("netns", "list")).doesNotContain("ow-");
        assertThat(ip("link", "show")).doesNotContain("owbr0");
        assertThat(ip("route", "show", NetworkNamespaces.SUBNET, "table", "all"))
                .isBlank();
        assertThat(ip("rule", "show")).doesNotContain("1231");
    }

    @Test
    void aSecondRunIsRefusedTheNetworkWhileTheFirstHoldsIt() {
        try (NetworkNamespaces first = NetworkNamespaces.create()) {
            first.addHost("first");

            assertThatThrownBy(NetworkNamespaces::create).hasMessageContaining("another run holds the test network");
            assertThat(ip("netns", "list"))
                    .as("the first run's network untouched")
                    .contains("ow-first");
        }
        NetworkNamespaces.create().close(); // free again
    }

    @Test
    void aNetworkLeftByAKilledProcessIsTornDownByItsWatchdog() throws Exception {
        Process holder = new ProcessBuilder(
                        javaBinary(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        NetworkHolder.class.getName(),
                        "orphan")
                .redirectErrorStream(true)
                .start();
        processes.add(holder);
        BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), UTF8));
        assertThat(output.readLine()).isEqualTo(NetworkHolder.READY);
        assertThat(ip("netns", "list")).contains("ow-orphan");

        holder.destroyForcibly(); // SIGKILL: no shutdown hook, no close()

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ip("netns", "list")).doesNotContain("ow-orphan");
            assertThat(ip("link", "show")).doesNotContain("owbr0");
            assertThat(ip("route", "show", NetworkNamespaces.SUBNET, "table", "all"))
                    .isBlank();
        });
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> NetworkNamespaces.create().close()); // and the lock let go
    }

    private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

    /** A line echo server, started in the host's namespace from a single source file. */
    private void startEcho(NetworkNamespaces network, String host) throws IOException {
        Path source = directory.resolve("Echo.java");
        Files.writeString(source, """
                import java.io.*;
                import java.net.*;
                public class Echo {
                    public static void main(String[] args) throws Exception {
                        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]))) {
                            System.out.println("listening");
                            while (true) {
                                Socket client = server.accept();
                                Thread.ofVirtual().start(() -> {
                                    try (client) {
                                        client.getInputStream().transferTo(client.getOutputStream());
                                    } catch (IOException gone) {
                                    }
                                });
                            }
                        }
                    }
                }
                """);
        List<String> command = new ArrayList<>(network.launcher(host));
        command.addAll(List.of(javaBinary(), source.toString(), Integer.toString(ECHO_PORT)));
        Process echo = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(echo);
        String first = new BufferedReader(new InputStreamReader(echo.getInputStream(), UTF8)).readLine();
        assertThat(first).as("the echo server's first line").isEqualTo("listening");
    }

    private static Socket connect(String from, String to) throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(to, ECHO_PORT), (int) SILENCE.toMillis());
            socket.setSoTimeout((int) SILENCE.toMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static String echo(Socket socket, String line) throws IOException {
        String answer = echoWithin(socket, line);
        assertThat(answer).as("an answer within " + SILENCE).isNotNull();
        return answer;
    }

    /** The echo of a line, or null if none comes within {@link #SILENCE}. */
    private static String echoWithin(Socket socket, String line) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((line + "\n").getBytes(UTF8));
        out.flush();
        try {
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF8)).readLine();
        } catch (SocketTimeoutException silence) {
            return null;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String ip(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), UTF8);
            process.waitFor();
            return output;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
