package com.outboxwallet.ledger.operations;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Supplier;

/** A line of progress every few seconds on long work, so an operator can tell slow from stuck. */
public final class ProgressLine {

    private static final Duration EVERY = Duration.ofSeconds(5);

    private final PrintStream out;
    private final Supplier<String> line;
    private long next = System.nanoTime() + EVERY.toNanos();

    public ProgressLine(PrintStream out, Supplier<String> line) {
        this.out = out;
        this.line = line;
    }

    public void tick() {
        if (System.nanoTime() - next >= 0) {
            out.println(line.get());
            next = System.nanoTime() + EVERY.toNanos();
        }
    }
}
