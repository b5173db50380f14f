package com.outboxwallet.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/** A real Redis server (the binary shipped in the embedded-redis artifact), bound to loopback. */
public final class EmbeddedRedisServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);
    /** The most memory the server's data may take: 128 MiB, well within a developer's machine. */
    public static final long MAX_MEMORY_BYTES = 128L * 1024 * 1024;

    private final RedisServer server;
    private final int port;

    private EmbeddedRedisServer(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedRedisServer start(int requestedPort) {
        return start(requestedPort, null);
    }

    /** @param password what clients must AUTH with; null for none. Double quotes and backslashes are not allowed. */
    public static EmbeddedRedisServer start(int requestedPort, @Nullable String password) {
        int port = FreePorts.orFree(requestedPort);
        shutDownStaleRedis(port);
        try {
            RedisServerBuilder builder = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    // Redis holds only caches and locks here: PostgreSQL is the system of record.
                    .setting("save \"\"")
                    .setting("appendonly no")
                    // Bounded like compose's Redis (docker-compose.yml): past the limit the least recently used keys
                    // with a TTL go, and every key the api-service writes has one, so a full Redis evicts instead of
                    // refusing writes or growing until the machine runs out of memory.
                    .setting("maxmemory " + MAX_MEMORY_BYTES)
                    .setting("maxmemory-policy volatile-lru");
            if (password != null) {
                if (password.contains("\"") || password.contains("\\")) {
                    throw new IllegalArgumentException("no double quotes or backslashes in an embedded Redis password");
                }
                builder.setting("requirepass \"" + password + "\"");
            }
            RedisServer server = builder.build();
            server.start();
            log.info("Redis listening on localhost:{}", port);
            return new EmbeddedRedisServer(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start on port " + port, e);
        }
    }

    /** A Redis left behind by a killed run would hold the port; it is ours, so ask it to leave. */
    private static void shutDownStaleRedis(int port) {
        if (!FreePorts.inUse(port)) {
            return;
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[7];
            int read = in.read(reply);
            if (read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                log.warn("Shutting down a Redis left running on port {} by an earlier run", port);
                out.write("SHUTDOWN NOSAVE\r\n".getBytes(StandardCharsets.US_ASCII));
                in.read(reply); // the server closes the connection as it exits
            }
        } catch (IOException e) {
            log.debug("probe of port {} failed", port, e);
        }
    }

    public int port() {
        return port;
    }

    /** Kills the server with SIGKILL, as a crash would; a new {@link #start} on the same port brings one back. */
    public void kill() {
        ProcessHandle process = ProcessHandle.of(pid())
                .orElseThrow(() -> new IllegalStateException("Redis on port " + port + " has no process"));
        process.destroyForcibly();
        process.onExit().join();
    }

    /** {@code FLUSHALL}: every key forgotten, as an operator's mistake or a failover to an empty replica would. */
    public void flushAll() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("FLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (reply == null || !reply.startsWith("+OK")) {
                throw new IllegalStateException("Redis on port " + port + " answered FLUSHALL with " + reply);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Redis on port " + port + " did not answer", e);
        }
    }

    /** The server's own answer to {@code INFO server}: its process id. */
    public long pid() {
        return info("server")
                .lines()
                .filter(line -> line.startsWith("process_id:"))
                .map(line ->
                        Long.parseLong(line.substring("process_id:".length()).trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Redis on port " + port + " did not say its process id"));
    }

    /** One section of {@code INFO} ({@code server}, {@code commandstats}, …), over a connection of its own. */
    public String info(String section) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("INFO " + section + "\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String header = line(in); // a bulk string: $<length>
            if (!header.startsWith("$")) {
                throw new IllegalStateException("Redis on port " + port + " answered INFO with " + header);
            }
            return new String(in.readNBytes(Integer.parseInt(header.substring(1))), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis on port " + port + " did not answer", e);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Redis closed the connection");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    public String url() {
        return "redis://localhost:" + port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            log.warn("Redis did not stop cleanly", e);
        }
    }
}
