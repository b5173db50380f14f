package com.outboxwallet.paysim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A merchant's webhook for the tests: keeps every notification, answers the statuses it is told to, then 200. */
final class NotificationReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private final JsonMapper json = JsonMapper.builder().build();

    NotificationReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/notify", exchange -> {
            try (exchange) {
                received.add(json.readTree(exchange.getRequestBody().readAllBytes()));
                int status;
                synchronized (answers) {
                    status = answers.isEmpty() ? 200 : answers.poll();
                }
                byte[] ok = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, ok.length);
                exchange.getResponseBody().write(ok);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    /** The next deliveries are answered with these statuses, in order; after them, 200. */
    void answerWith(int... statuses) {
        synchronized (answers) {
            for (int status : statuses) {
                answers.add(status);
            }
        }
    }

    List<JsonNode> received() {
        return List.copyOf(received);
    }

    List<String> statuses() {
        return received.stream()
                .map(n -> n.get("transaction_status").asString())
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
