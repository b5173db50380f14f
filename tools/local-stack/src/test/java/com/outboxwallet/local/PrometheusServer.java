package com.outboxwallet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Prometheus server, Debian's package ({@code /usr/bin/prometheus}, or {@code -Dprometheus.binary}), run by a
 * test on loopback: it scrapes and evaluates the alert rules as the compose stack's Prometheus does, and answers the
 * HTTP API that Grafana queries. Its log goes to a file; it is stopped by {@link #close()}.
 */
final class PrometheusServer implements AutoCloseable {

    static final String BINARY = System.getProperty("prometheus.binary", "/usr/bin/prometheus");

    private final JsonMapper json = JsonMapper.builder().build();
    private final Process process;
    private final URI base;

    private PrometheusServer(Process process, int port) {
        this.process = process;
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** A port nothing listens on now, for the server to take. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the server on {@code port} with {@code configuration}, with its data (emptied first) and its log in
     * {@code dir}, and returns once it answers ready.
     */
    static PrometheusServer start(Path configuration, int port, Path dir) throws IOException {
        // A fresh database: series and alert states of an earlier run (its relay's relay_leader, say) would count.
        FileSystemUtils.deleteRecursively(dir.resolve("data"));
        Files.createDirectories(dir);
        Process process = new ProcessBuilder(
                        BINARY,
                        "--config.file=" + configuration,
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        PrometheusServer server = new PrometheusServer(process, port);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(process.isAlive())
                            .as("prometheus is running (its log: " + dir.resolve("prometheus.log") + ")")
                            .isTrue();
                    assertThat(PipelineHttp.send(server.request("/-/ready")).statusCode())
                            .isEqualTo(200);
                });
        return server;
    }

    /** The {@code data} of a successful answer of the HTTP API at {@code path} (with its query string). */
    JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = PipelineHttp.send(request(path));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.path("status").asString()).as(path).isEqualTo("success");
        return answer.get("data");
    }

    /** The result of an instant query, evaluated now. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
                .get("result");
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
