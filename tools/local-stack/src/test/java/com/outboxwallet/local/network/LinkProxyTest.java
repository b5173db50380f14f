package com.outboxwallet.local.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy between real sockets on loopback; a second client comes from 127.0.0.2, another loopback address. */
class LinkProxyTest {

    private static final String SLOW_CLIENT = "127.0.0.1";
    private static final String OTHER_CLIENT = "127.0.0.2";
    private static final Duration LATENCY = Duration.ofSeconds(1);

    private ServerSocket echo;
    private LinkProxy proxy;

    @BeforeEach
    void startEchoServerBehindTheProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket client = echo.accept();
                    Thread.ofVirtual().start(() -> {
                        try (client) {
                            client.getInputStream().transferTo(client.getOutputStream());
                        } catch (IOException gone) {
                            // the test closed it
                        }
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        });
        proxy = LinkProxy.start(
                new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", echo.getLocalPort()), 7);
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void passesEveryByteBothWaysAndTheEndOfTheStream() throws IOException {
        byte[] sent = new byte[300_000];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) (i * 31);
        }
        try (Socket socket = connect(OTHER_CLIENT)) {
            Thread.ofVirtual().start(() -> {
                try {
                    socket.getOutputStream().write(sent);
                    socket.shutdownOutput(); // the echo server sees the end, and ends its side
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(socket.getInputStream().readAllBytes()).isEqualTo(sent);
        }
    }

    @Test
    void aSlowedClientWaitsTheLatencyEachWayWhileAnotherDoesNot() throws IOException {
        proxy.slow(SLOW_CLIENT, new LinkProxy.Slowness(LATENCY, 0));
        try (Socket slow = connect(SLOW_CLIENT);
                Socket other = connect(OTHER_CLIENT)) {
            assertThat(roundTrip(slow, "slow")).isGreaterThanOrEqualTo(LATENCY.multipliedBy(2));
            assertThat(roundTrip(other, "other")).isLessThan(LATENCY);

            proxy.restore(SLOW_CLIENT);

            assertThat(roundTrip(slow, "fast again")).isLessThan(LATENCY);
        }
    }

    @Test
    void aLostChunkArrivesARetransmissionTimeoutLate() throws IOException {
        proxy.slow(SLOW_CLIENT, new LinkProxy.Slowness(Duration.ZERO, 0.999));
        try (Socket socket = connect(SLOW_CLIENT)) {
            assertThat(roundTrip(socket, "lost, then resent"))
                    .isGreaterThanOrEqualTo(LinkProxy.RETRANSMISSION_TIMEOUT.multipliedBy(2));
        }
    }

    @Test
    void aHeldLinkPassesNothingEitherWayUntilReleasedThenEverythingInOrder() throws IOException {
        try (Socket open = connect(OTHER_CLIENT)) {
            roundTrip(open, "before");

            proxy.hold();
            send(open, "during");
            try (Socket fresh = connect(OTHER_CLIENT)) { // accepted, as the proxy's socket answers for the server
                send(fresh, "fresh");
                assertThat(lineWithin(open, Duration.ofSeconds(1)))
                        .as("nothing passes while held")
                        .isNull();
                assertThat(lineWithin(fresh, Duration.ofSeconds(1))).isNull();

                proxy.release();

                assertThat(lineWithin(open, Duration.ofSeconds(30))).isEqualTo("during");
                assertThat(lineWithin(fresh, Duration.ofSeconds(30))).isEqualTo("fresh");
            }
        }
    }

    @Test
    void aClientIsClosedAtOnceWhenTheServerIsGone() throws IOException {
        echo.close();
        try (Socket socket = connect(OTHER_CLIENT)) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            int read;
            try {
                read = in.read();
            } catch (IOException reset) {
                read = -1;
            }
            assertThat(read).as("the end of the stream, or a reset").isEqualTo(-1);
        }
    }

    private Socket connect(String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 5_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static void send(Socket socket, String line) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next line, or null if none comes within that long. */
    private static String lineWithin(Socket socket, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        } catch (SocketTimeoutException silence) {
            return null;
        }
    }

    private static Duration roundTrip(Socket socket, String line) throws IOException {
        long start = System.nanoTime();
        OutputStream out = socket.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String answer =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(answer).isEqualTo(line);
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
