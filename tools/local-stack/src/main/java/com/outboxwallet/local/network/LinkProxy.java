package com.outboxwallet.local.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy in user space that can make one client's link slow: latency added to every chunk each way, and loss,
 * which TCP turns into a retransmission timeout before the chunk arrives (the kernel here has no {@code netem}). Bytes
 * are never dropped or reordered: the stream stays the stream it was, only later. Other clients pass at full speed.
 * It can also hold the whole link, as a partition would where network namespaces are refused: nothing passes either
 * way and nothing is reset until it is released.
 */
public final class LinkProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LinkProxy.class);
    /** Linux's least retransmission timeout: what a lost segment costs, at the least, before it arrives after all. */
    static final Duration RETRANSMISSION_TIMEOUT = Duration.ofMillis(200);

    private static final int CHUNK = 16 * 1024;

    /**
     * How a client's link is degraded.
     *
     * @param latency added to each chunk, each way
     * @param loss    the chance, 0 to 1, that a chunk is lost once and arrives a retransmission timeout later
     */
    public record Slowness(Duration latency, double loss) {

        public Slowness {
            if (latency.isNegative() || loss < 0 || loss >= 1) {
                throw new IllegalArgumentException(
                        "latency not negative, loss from 0 to below 1: " + latency + ", " + loss);
            }
        }
    }

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Map<String, Slowness> slowClients = new ConcurrentHashMap<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final SplittableRandom random;
    private volatile boolean open = true;
    private final Object releases = new Object();
    private volatile boolean held;

    private LinkProxy(ServerSocket server, InetSocketAddress target, long seed) {
        this.server = server;
        this.target = target;
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param listen where clients connect
     * @param target where it forwards each connection; one that cannot be reached closes the client's at once
     * @param seed   which chunks are lost
     */
    public static LinkProxy start(InetSocketAddress listen, InetSocketAddress target, long seed) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(listen, 256);
            LinkProxy proxy = new LinkProxy(server, target, seed);
            Thread.ofPlatform().daemon().name("link-proxy-" + listen.getPort()).start(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("the proxy could not listen on " + listen, e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on, that client's connections (new and open) are slowed so. */
    public void slow(String clientAddress, Slowness slowness) {
        slowClients.put(address(clientAddress), slowness);
    }

    /**
     * Holds every connection, open and new, as a partition does: no byte passes either way and none is refused or
     * reset; a new connection is accepted (this proxy's socket answers for the server) but reaches the server only
     * once released. The peers see silence until their keepalives or timeouts give up on it.
     */
    public void hold() {
        held = true;
    }

    /** Lets what was held pass, in order, as a healed link does. */
    public void release() {
        synchronized (releases) {
            held = false;
            releases.notifyAll();
        }
    }

    /** While the link is held; returns at once when it is not. */
    private void awaitRelease() throws InterruptedException {
        synchronized (releases) {
            while (held) {
                releases.wait();
            }
        }
    }

    /** That client's link at full speed again; what is already held arrives when it was due. */
    public void restore(String clientAddress) {
        slowClients.remove(address(clientAddress));
    }

    private static String address(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (IOException e) {
            throw new UncheckedIOException("not an address: " + host, e);
        }
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> connect(client));
            } catch (IOException e) {
                if (open) {
                    log.warn("The proxy to {} stopped accepting", target, e);
                }
                return;
            }
        }
    }

    private void connect(Socket client) {
        String clientAddress = client.getInetAddress().getHostAddress();
        Socket upstream = new Socket();
        try {
            awaitRelease();
            upstream.connect(target, 5_000);
        } catch (IOException unreachable) {
            closeQuietly(client, upstream); // as the server itself would: refused
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(client, upstream);
            return;
        }
        connections.add(client);
        connections.add(upstream);
        AtomicInteger directionsOpen = new AtomicInteger(2);
        Runnable ended = () -> {
            if (directionsOpen.decrementAndGet() == 0) {
                closeQuietly(client, upstream);
                connections.remove(client);
                connections.remove(upstream);
            }
        };
        pipe(client, upstream, clientAddress, ended);
        pipe(upstream, client, clientAddress, ended);
    }

    /**
     * One direction: a reader that stamps each chunk with when it is due, a writer that sends it then. The end of the
     * stream is passed on as a half-close; a failure to write ends both directions.
     */
    private void pipe(Socket from, Socket to, String clientAddress, Runnable ended) {
        BlockingQueue<Chunk> due = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            long last = 0;
            byte[] buffer = new byte[CHUNK];
            try {
                InputStream in = from.getInputStream(); // not closed here: that would close the socket both ways
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    awaitRelease(); // held: read no further, so the sender's buffers fill as on a silent link
                    long at = Math.max(last, System.nanoTime() + delayNanos(clientAddress));
                    last = at;
                    due.add(new Chunk(Arrays.copyOf(buffer, read), at));
                }
            } catch (IOException closed) {
                // reset or closed: what is queued is still sent, then the end
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            due.add(new Chunk(null, last));
        });
        Thread.ofVirtual().start(() -> {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk chunk = due.take();
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait); // the link's delay itself: nothing to wait on but time
                    }
                    awaitRelease();
                    byte[] bytes = chunk.bytes();
                    if (bytes == null) {
                        to.shutdownOutput();
                        break;
                    }
                    out.write(bytes);
                    out.flush();
                }
            } catch (IOException gone) {
                closeQuietly(from, to);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closeQuietly(from, to);
            }
            ended.run();
        });
    }

    private long delayNanos(String clientAddress) {
        Slowness slowness = slowClients.get(clientAddress);
        if (slowness == null) {
            return 0;
        }
        long delay = slowness.latency().toNanos();
        boolean lost;
        synchronized (random) {
            lost = random.nextDouble() < slowness.loss();
        }
        return lost ? delay + RETRANSMISSION_TIMEOUT.toNanos() : delay;
    }

    /** @param bytes null for the end of the stream */
    private record Chunk(byte @Nullable [] bytes, long dueNanos) {}

    private static void closeQuietly(Socket... sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException e) {
            log.debug("The proxy's socket did not close cleanly", e);
        }
        connections.forEach(LinkProxy::closeQuietly);
    }
}
