package com.outboxwallet.api.scheduling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Work done again and again while the service runs, on a platform thread of its own (named, so that a thread dump
 * says what it is), never on a request's: from the context's start, after {@code initialDelay}, then
 * {@code interval} after each run ends, until the context stops. {@link #runOnce()} must not throw: a scheduled task
 * that throws is never run again, so each catches what it can fail with and says so.
 */
public abstract class RepeatingWork implements SmartLifecycle {

    private final String threadName;
    private final Duration initialDelay;
    private final Duration interval;
    private @Nullable ScheduledExecutorService runner;

    protected RepeatingWork(String threadName, Duration initialDelay, Duration interval) {
        this.threadName = threadName;
        this.initialDelay = initialDelay;
        this.interval = interval;
    }

    /** One run; catches its own failures. */
    protected abstract void runOnce();

    @Override
    public synchronized void start() {
        runner = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(threadName).daemon().factory());
        runner.scheduleWithFixedDelay(
                this::runOnce, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (runner != null) {
            runner.shutdownNow();
            runner = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return runner != null;
    }
}
