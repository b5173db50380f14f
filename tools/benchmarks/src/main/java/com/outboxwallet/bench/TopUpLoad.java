package com.outboxwallet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Top-ups over real HTTP, as clients send them: HTTP Basic as the next user in turn, a new Idempotency-Key on every
 * request, an amount of 10.00. One HTTP/1.1 client whose keep-alive connections grow to the requests in flight.
 */
final class TopUpLoad implements AutoCloseable {

    private static final String BODY = "{\"amount\":\"10.00\"}";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<URI> topUps;
    private final List<String> authorizations;
    private final AtomicLong sent = new AtomicLong();

    /**
     * @param apis           the api-service instances, taken in turn
     * @param authorizations one Basic authorization per user, taken in turn
     */
    TopUpLoad(List<URI> apis, List<String> authorizations) {
        this.topUps = apis.stream().map(api -> api.resolve("/api/v1/topups")).toList();
        this.authorizations = authorizations;
    }

    /** {@code connections} clients, each sending its next top-up as soon as its last one was answered. */
    LoadPhase flatOut(int connections, Duration length) throws Exception {
        return LoadPhase.flatOut(connections, length, (phase, deadline) -> {
            while (LoadPhase.before(deadline)) {
                HttpRequest request = next();
                long sentAt = System.nanoTime();
                try {
                    phase.record(http.send(request, HttpResponse.BodyHandlers.discarding()), null, sentAt);
                } catch (IOException e) {
                    phase.record(null, e, sentAt);
                }
            }
        });
    }

    /**
     * Open loop: a top-up every 1/rate seconds whatever the answers take, as independent clients would send them. Its
     * latency counts from when the request was due, so a stalled server cannot hide its stall by slowing the load.
     */
    LoadPhase paced(double perSecond, Duration length) {
        LoadPhase phase = new LoadPhase();
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        List<CompletableFuture<?>> answers = new ArrayList<>();
        for (long due = start; due - (start + length.toNanos()) < 0; due += interval) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // pacing the offered load: this is a benchmark, not a test
            }
            long dueAt = due;
            answers.add(http.sendAsync(next(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> phase.record(response, failure, dueAt)));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .join();
        phase.finished(length.toNanos());
        return phase;
    }

    @Override
    public void close() {
        http.close();
    }

    private HttpRequest next() {
        long n = sent.getAndIncrement();
        return HttpRequest.newBuilder(topUps.get((int) (n % topUps.size())))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorizations.get((int) (n % authorizations.size())))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
    }
}
