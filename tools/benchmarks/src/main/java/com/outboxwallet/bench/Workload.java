package com.outboxwallet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs {@code operations} calls of {@code operation} on {@code threads} threads and times the whole. */
final class Workload {

    interface Operation {
        void run(int index) throws Exception;
    }

    private Workload() {}

    /** @return elapsed nanoseconds */
    static long run(int threads, int operations, Operation operation) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(() -> {
                for (int i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
                    operation.run(i);
                }
                return null;
            });
        }
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (Future<Void> worker : pool.invokeAll(workers)) {
                worker.get();
            }
        }
        return System.nanoTime() - start;
    }
}
