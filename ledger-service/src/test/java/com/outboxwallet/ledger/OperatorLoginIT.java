package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's login meets the api's throttle, and Prometheus has an account of its own. Guesses come from loopback
 * addresses of their own (127.0.0.x), so the operator's counters from 127.0.0.1, which the other tests use, stay clear.
 */
class OperatorLoginIT extends LedgerIntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void aThousandWrongOperatorPasswordsTwentyAtATimeGetFivePasswordChecksAndTheOperatorStillLogsIn() throws Exception {
        HttpClient guesser = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.41"))
                .build();
        Semaphore twentyAtATime = new Semaphore(20);
        List<Future<HttpResponse<String>>> guesses = new ArrayList<>();
        long started = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 1000; i++) {
                String guess = "operator-guess-" + i;
                guesses.add(clients.submit(() -> {
                    twentyAtATime.acquire();
                    try {
                        return guesser.send(sequenceGaps(OPERATOR, guess), HttpResponse.BodyHandlers.ofString());
                    } finally {
                        twentyAtATime.release();
                    }
                }));
            }
        }
        long elapsedSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> guess : guesses) {
            answers.add(guess.get());
        }
        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();

        assertThat(statuses).containsOnly(401, 429);
        long allowed = 5 + (64 - Long.numberOfLeadingZeros(elapsedSeconds + 1));
        assertThat(statuses.stream().filter(status -> status == 401).count())
                .as("password checks in %d s", elapsedSeconds)
                .isGreaterThanOrEqualTo(5)
                .isLessThanOrEqualTo(allowed);
        HttpResponse<String> throttled = answers.stream()
                .filter(answer -> answer.statusCode() == 429)
                .findFirst()
                .orElseThrow();
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(json.readTree(throttled.body()).get("type").asString()).isEqualTo("/problems/login-throttled");

        assertThat(get("/api/v1/ledger/sequence-gaps", OPERATOR, OPERATOR_PASSWORD)
                        .statusCode())
                .as("the operator, from another address")
                .isEqualTo(200);
    }

    @Test
    void prometheusReadsTheMetricsWithItsOwnAccountAndNothingElse() throws Exception {
        assertThat(get("/actuator/prometheus", METRICS, METRICS_PASSWORD).statusCode())
                .isEqualTo(200);

        assertThat(get("/api/v1/ledger/sequence-gaps", METRICS, METRICS_PASSWORD)
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/console", METRICS, METRICS_PASSWORD).statusCode()).isEqualTo(403);
    }

    private HttpRequest sequenceGaps(String user, String password) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ledger/sequence-gaps"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build();
    }
}
