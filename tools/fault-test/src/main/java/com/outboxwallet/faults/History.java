package com.outboxwallet.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** Every attempt every client made, and how each top-up ended for its client. Written out for diagnosis. */
final class History {

    enum Outcome {
        /** A {@code 201}: the service said it took the top-up. */
        ACKNOWLEDGED,
        /** A final refusal ({@code 4xx} other than 409 and 429): the client stops, nothing may have changed. */
        REFUSED,
        /** The client gave up without a final answer: applied at most once, maybe not at all. */
        INDETERMINATE
    }

    /** @param answer the status ({@code 201}, {@code 503}, …) or what went wrong ({@code timeout}, {@code refused}) */
    record Attempt(int topUp, int number, String instance, long startedMillis, long endedMillis, String answer) {}

    /**
     * @param id the id the service answered with, for an acknowledged one: the top-up's, or for a funded top-up the
     *           payment's
     */
    record Ending(
            PlannedTopUp topUp, Outcome outcome, @Nullable String id, long atMillis) {}

    private final Collection<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final Map<Integer, Ending> endings = new ConcurrentHashMap<>();
    private final Map<String, PlannedTopUp> sent = new ConcurrentHashMap<>();
    private final AtomicReference<Ending> lastAcknowledged = new AtomicReference<>();
    private final AtomicReference<Ending> lastPaid = new AtomicReference<>();

    void sending(PlannedTopUp topUp) {
        sent.put(topUp.idempotencyKey(), topUp);
    }

    void attempted(Attempt attempt) {
        attempts.add(attempt);
    }

    void ended(Ending ending) {
        endings.put(ending.topUp().number(), ending);
        if (ending.outcome() != Outcome.ACKNOWLEDGED) {
            return;
        }
        if (!ending.topUp().funded()) {
            newest(lastAcknowledged, ending);
        } else if (ending.topUp().payer() == PlannedTopUp.Payer.PAYS) {
            newest(lastPaid, ending);
        }
    }

    private static void newest(AtomicReference<Ending> last, Ending ending) {
        last.accumulateAndGet(
                ending, (before, next) -> before == null || next.atMillis() >= before.atMillis() ? next : before);
    }

    /** The top-up a client sent under that key, if one did. */
    Optional<PlannedTopUp> sentUnder(String idempotencyKey) {
        return Optional.ofNullable(sent.get(idempotencyKey));
    }

    /** The direct top-up acknowledged last. */
    Optional<Ending> lastAcknowledged() {
        return Optional.ofNullable(lastAcknowledged.get());
    }

    /**
     * The funded top-up whose payment was opened last among those its user pays (and keeps); its ending is recorded
     * once the user has paid.
     */
    Optional<Ending> lastPaid() {
        return Optional.ofNullable(lastPaid.get());
    }

    Collection<Ending> endings() {
        return endings.values();
    }

    long attemptCount() {
        return attempts.size();
    }

    /** How many direct top-ups ended so; the funded ones are counted by their check. */
    long countDirect(Outcome outcome) {
        return endings.values().stream()
                .filter(ending -> !ending.topUp().funded() && ending.outcome() == outcome)
                .count();
    }

    /** {@code attempts.csv} (one line per attempt) and {@code endings.csv} (one per top-up). */
    void writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            try (Writer out = Files.newBufferedWriter(directory.resolve("attempts.csv"))) {
                out.write("top_up,attempt,instance,started_ms,ended_ms,answer\n");
                List<Attempt> sorted = attempts.stream()
                        .sorted(Comparator.comparingInt(Attempt::topUp).thenComparingInt(Attempt::number))
                        .toList();
                for (Attempt a : sorted) {
                    out.write(a.topUp() + "," + a.number() + "," + a.instance() + "," + a.startedMillis() + ","
                            + a.endedMillis() + "," + a.answer().replace(',', ';') + "\n");
                }
            }
            try (Writer out = Files.newBufferedWriter(directory.resolve("endings.csv"))) {
                out.write("top_up,user,idempotency_key,amount,payer,outcome,id,at_ms\n");
                List<Ending> sorted = endings.values().stream()
                        .sorted(Comparator.comparingInt(ending -> ending.topUp().number()))
                        .toList();
                for (Ending e : sorted) {
                    out.write(e.topUp().number() + "," + e.topUp().user() + ","
                            + e.topUp().idempotencyKey() + ","
                            + e.topUp().amount().toPlainString() + ","
                            + (e.topUp().payer() == null ? "" : e.topUp().payer()) + "," + e.outcome() + ","
                            + (e.id() == null ? "" : e.id()) + "," + e.atMillis() + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the history to " + directory, e);
        }
    }
}
