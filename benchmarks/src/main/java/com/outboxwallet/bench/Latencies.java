package com.outboxwallet.bench;

import java.util.concurrent.ConcurrentLinkedQueue;

/** Collects per-operation latencies from many threads and reports percentiles in milliseconds. */
final class Latencies {

    private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

    void record(long startNanos) {
        nanos.add(System.nanoTime() - startNanos);
    }

    void recordNanos(long elapsed) {
        nanos.add(elapsed);
    }

    String percentiles() {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return "%.2f | %.2f | %.2f".formatted(ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99));
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
