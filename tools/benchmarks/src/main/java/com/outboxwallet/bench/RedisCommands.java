package com.outboxwallet.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands Redis ran, by name, as its {@code INFO commandstats} counts them. Asked over a connection of its own
 * in plain RESP, so that no client library's own commands (a Redisson client pings) are counted; the {@code INFO}
 * calls themselves are left out.
 */
final class RedisCommands {

    private static final Pattern STAT = Pattern.compile("^cmdstat_([^:]+):calls=(\\d+),", Pattern.MULTILINE);

    private final String host;
    private final int port;

    RedisCommands(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Calls so far by command name, e.g. {@code evalsha: 1234}. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        Matcher stat = STAT.matcher(info());
        while (stat.find()) {
            if (!"info".equals(stat.group(1))) {
                counts.put(stat.group(1), Long.parseLong(stat.group(2)));
            }
        }
        return counts;
    }

    private String info() {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("*2\r\n$4\r\nINFO\r\n$12\r\ncommandstats\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String header = line(in); // a bulk string: $<length>
            if (!header.startsWith("$")) {
                throw new IllegalStateException("Redis answered INFO with " + header);
            }
            byte[] body = in.readNBytes(Integer.parseInt(header.substring(1)));
            return new String(body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not ask Redis on " + host + ":" + port + " for its commands", e);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Redis closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
