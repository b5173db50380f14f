package com.outboxwallet.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What one phase of top-up load got back: the top-ups accepted, their HTTP latency, and every other answer. */
final class LoadPhase {

    /** One of a flat-out load's threads: it sends, records in the phase, and stops once the deadline passed. */
    interface Client {
        void run(LoadPhase phase, long deadlineNanos) throws Exception;
    }

    private final Set<UUID> accepted = ConcurrentHashMap.newKeySet();
    private final Latencies latencies = new Latencies();
    private final Map<String, LongAdder> others = new ConcurrentSkipListMap<>();
    private volatile long elapsedNanos;

    /** {@code threads} clients at once, each sending its next request as soon as its last one was answered. */
    static LoadPhase flatOut(int threads, Duration length, Client client) throws Exception {
        LoadPhase phase = new LoadPhase();
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(() -> {
                    client.run(phase, deadline);
                    return null;
                }));
            }
            for (Future<?> thread : running) {
                thread.get();
            }
        }
        phase.finished(System.nanoTime() - start);
        return phase;
    }

    static boolean before(long deadlineNanos) {
        return System.nanoTime() - deadlineNanos < 0;
    }

    /** @param startNanos when the request was sent, or was due to be sent */
    void record(@Nullable HttpResponse<?> response, @Nullable Throwable failure, long startNanos) {
        if (failure != null) {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            count(cause.getClass().getSimpleName());
        } else if (Objects.requireNonNull(response, "a response where there is no failure")
                        .statusCode()
                == 201) {
            // Location: /api/v1/topups/{id}
            String location = response.headers().firstValue("Location").orElseThrow();
            recordCommitted(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)), startNanos);
        } else {
            count(Integer.toString(response.statusCode()));
        }
    }

    /** A top-up known to be committed, such as one the API answered 201 for. */
    void recordCommitted(UUID topUpId, long startNanos) {
        latencies.record(startNanos);
        accepted.add(topUpId);
    }

    private void count(String answer) {
        others.computeIfAbsent(answer, key -> new LongAdder()).increment();
    }

    void finished(long elapsedNanos) {
        this.elapsedNanos = elapsedNanos;
    }

    Set<UUID> accepted() {
        return accepted;
    }

    Latencies latencies() {
        return latencies;
    }

    double acceptedPerSecond() {
        return accepted.size() / (elapsedNanos / 1e9);
    }

    /** Answers other than 201 by status (or by exception when there was no answer), e.g. {@code 429: 3}. */
    String others() {
        return others.isEmpty()
                ? "none"
                : others.entrySet().stream()
                        .map(entry -> entry.getKey() + ": " + entry.getValue().sum())
                        .collect(Collectors.joining(", "));
    }
}
