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

    int count() {
        return nanos.size();
    }

    /** p50 | p95 | p99, as Markdown table cells. */
    String percentiles() {
        return at(0.50, 0.95, 0.99);
    }

    /** The given quantiles in milliseconds as Markdown table cells; 1.0 is the maximum. */
    String at(double... quantiles) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        StringBuilder cells = new StringBuilder();
        for (double quantile : quantiles) {
            cells.append(cells.isEmpty() ? "" : " | ").append("%.2f".formatted(ms(sorted, quantile)));
        }
        return cells.toString();
    }

    /** One quantile in milliseconds; 1.0 is the maximum, NaN when nothing was recorded. */
    double quantile(double quantile) {
        return ms(nanos.stream().mapToLong(Long::longValue).sorted().toArray(), quantile);
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
