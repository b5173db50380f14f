package com.outboxwallet.bench;

import com.outboxwallet.api.account.UserAccounts;
import com.outboxwallet.api.auth.Role;
import com.outboxwallet.infra.EmbeddedInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What HTTP Basic costs with and without the verified-credentials cache: bcrypt (cost 10) on every request versus
 * once per TTL. Measured over real HTTP on GET /api/v1/wallet (little else to do) and POST /api/v1/topups (a whole
 * top-up).
 */
final class AuthBenchmark {

    private final EmbeddedInfrastructure infra;
    private final BenchmarkSettings settings;

    AuthBenchmark(EmbeddedInfrastructure infra, BenchmarkSettings settings) {
        this.infra = infra;
        this.settings = settings;
    }

    List<String> run() throws Exception {
        String database = infra.postgres().createDatabase("bench_auth");
        List<String> rows = new ArrayList<>(List.of(
                "| credentials cache | request | requests/s | p50 ms | p95 ms | p99 ms |",
                "|---|---|---:|---:|---:|---:|"));
        for (String ttl : List.of("1m", "0s")) {
            try (ConfigurableApplicationContext api =
                    ApiContexts.start(infra, database, Map.of("wallet.auth.verified-credentials-ttl", ttl))) {
                String label = ttl.equals("0s") ? "off (bcrypt every request)" : "on (TTL " + ttl + ")";
                int port = Objects.requireNonNull(((WebServerApplicationContext) api).getWebServer())
                        .getPort();
                String user = "bench-" + UUID.randomUUID().toString().substring(0, 12);
                api.getBean(UserAccounts.class).create(user, "benchmark-password", Role.USER);
                String authorization = BasicAuthorization.of(user, "benchmark-password");
                HttpClient http = HttpClient.newHttpClient();
                rows.add(measure(
                        label,
                        "GET /api/v1/wallet",
                        http,
                        i -> HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/wallet"))
                                .header("Authorization", authorization)
                                .GET()
                                .build()));
                rows.add(measure(
                        label,
                        "POST /api/v1/topups",
                        http,
                        i -> HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/topups"))
                                .header("Authorization", authorization)
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"1.00\"}"))
                                .build()));
            }
        }
        return rows;
    }

    private interface Requests {
        HttpRequest build(int index);
    }

    private String measure(String cache, String request, HttpClient http, Requests requests) throws Exception {
        Workload.run(settings.threads(), Math.max(1, settings.requests() / 10), i -> send(http, requests.build(i)));
        Latencies latencies = new Latencies();
        long elapsed = Workload.run(settings.threads(), settings.requests(), i -> {
            HttpRequest built = requests.build(i);
            long start = System.nanoTime();
            send(http, built);
            latencies.record(start);
        });
        return "| %s | %s | %.0f | %s |"
                .formatted(cache, request, settings.requests() / (elapsed / 1e9), latencies.percentiles());
    }

    private static void send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
