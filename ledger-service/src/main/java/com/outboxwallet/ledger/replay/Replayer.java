package com.outboxwallet.ledger.replay;

import com.outboxwallet.ledger.LedgerProperties;
import com.outboxwallet.ledger.bookkeeping.LedgerRecorder.Outcome;
import com.outboxwallet.ledger.consumer.RecordBatches;
import com.outboxwallet.ledger.operations.ProgressLine;
import com.outboxwallet.ledger.operations.TopicReader;
import com.outboxwallet.process.ConditionalOnCommand;
import com.outboxwallet.process.OperatorCommandLine;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The work of {@code replay --from ...} ({@link ReplayCommand}): rebuilds the whole ledger from the topic into fresh tables in {@code ledger_rebuild}
 * (this run's datasource and Flyway work there, so the rebuild is made by the same migrations and applied through the
 * same batches as the live listener's, {@link RecordBatches}), then swaps it in ({@link RebuildSwap}) while the live
 * service runs.
 *
 * <p>Resumable: the rebuild dedupes by event id like the live ledger, and a rerun starts each partition after the
 * highest offset the rebuild already applied. Records the live service dead-lettered are skipped here too.
 */
@Component
@ConditionalOnCommand(ReplayCommand.NAME)
class Replayer {

    private final PrintStream out = System.out;
    private final RecordBatches batches;
    private final ConsumerFactory<?, ?> consumers;
    private final LedgerProperties properties;
    private final RebuildSwap rebuild;
    private final ReplayProgress progress;
    /** As many readers as the live service has consumers, so a replay applies at the live service's speed. */
    private final int readers;

    Replayer(
            RecordBatches batches,
            ConsumerFactory<?, ?> consumers,
            LedgerProperties properties,
            RebuildSwap rebuild,
            ReplayProgress progress,
            KafkaProperties kafka) {
        this.batches = batches;
        this.consumers = consumers;
        this.properties = properties;
        this.rebuild = rebuild;
        this.progress = progress;
        this.readers = Objects.requireNonNullElse(kafka.getListener().getConcurrency(), 1);
    }

    /** @return {@link OperatorCommandLine#FOUND_PROBLEMS} if the rebuild lacks live top-ups and was not swapped in */
    int replay(ReplayStart from) {
        try (TopicReader reader = new TopicReader(consumers, properties.topic(), "ledger-replay")) {
            Map<TopicPartition, Long> end = reader.end();
            Map<TopicPartition, Long> requested = from.resolve(reader.beginning(), end, reader::offsetsForTimes);
            Map<TopicPartition, Long> start = progress.startFrom(requested);
            reader.seek(start);
            long toRead = reader.remaining(end);
            out.printf(
                    "replay: rebuilding %s into schema %s from %s%s; %d records to read up to %s%n",
                    properties.topic(),
                    RebuildSchema.NAME,
                    TopicReader.format(start),
                    start.equals(requested) ? "" : " (resuming an earlier run)",
                    toRead,
                    TopicReader.format(end));

            Tally tally = new Tally();
            readInParallel(reader, end, tally);
            // A second pass to the new end shortens the catch-up that has to happen under the swap's lock.
            reader.readBatchesUntil(reader.end(), tally::add, progress::reached);
            out.println("replay: caught up with the topic: " + tally);

            long missing = rebuild.topUpsMissingFromRebuild(reader.positions());
            if (missing > 0) {
                out.printf(
                        "replay: NOT swapped: %d top-up(s) in the live ledger are not in the rebuild (did --from start"
                                + " after them?). The live ledger is untouched; the rebuild stays in %s: rerun with an earlier"
                                + " --from, or DROP SCHEMA %s CASCADE.%n",
                        missing, RebuildSchema.NAME, RebuildSchema.NAME);
                return OperatorCommandLine.FOUND_PROBLEMS;
            }
            String retired = rebuild.swap(
                    reader.partitions(), targets -> reader.readBatchesUntil(targets, tally::add, positions -> {}));
            out.printf(
                    "replay: done: %s. The rebuilt ledger is live; the replaced tables are in schema %s "
                            + "(drop it once reconcile agrees).%n",
                    tally, retired);
            return OperatorCommandLine.OK;
        }
    }

    /**
     * The first pass, where nearly all the work is: the partitions split into as many disjoint groups as the live
     * service has consumers, each group read and applied by a thread and a consumer of its own, as the live consumers
     * apply side by side. One wallet's events are on one partition, so no two groups touch the same wallet. Each
     * group records its own partitions' progress after every poll, so an interrupted run resumes without holes.
     * Leaves the reader where the groups stopped.
     */
    private void readInParallel(TopicReader reader, Map<TopicPartition, Long> end, Tally tally) {
        Map<TopicPartition, Long> reached = new ConcurrentHashMap<>(reader.positions());
        ProgressLine line = new ProgressLine(
                out,
                () -> "replay: " + tally.progress(remaining(end, reached)) + "; at " + TopicReader.format(reached));
        List<TopicReader> groups = reader.split(readers);
        try {
            try (ExecutorService threads = Executors.newFixedThreadPool(groups.size())) {
                CompletionService<Void> reads = new ExecutorCompletionService<>(threads);
                groups.forEach(group -> reads.submit(() -> {
                    group.readBatchesUntil(end, tally::add, positions -> {
                        progress.reached(positions);
                        reached.putAll(positions);
                    });
                    return null;
                }));
                awaitAll(reads, groups, line);
            }
        } finally {
            groups.forEach(TopicReader::close);
        }
        reader.seek(reached);
    }

    /** Waits for every group, a progress line every few seconds; the first failure stops the others and is thrown. */
    private static void awaitAll(CompletionService<Void> reads, List<TopicReader> groups, ProgressLine line) {
        int done = 0;
        while (done < groups.size()) {
            try {
                Future<Void> finished = reads.poll(1, TimeUnit.SECONDS);
                if (finished == null) {
                    line.tick();
                    continue;
                }
                finished.get();
                done++;
            } catch (ExecutionException e) {
                groups.forEach(TopicReader::wakeup);
                throw e.getCause() instanceof RuntimeException failure
                        ? failure
                        : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                groups.forEach(TopicReader::wakeup);
                throw new IllegalStateException("replay interrupted", e);
            }
        }
    }

    private static long remaining(Map<TopicPartition, Long> end, Map<TopicPartition, Long> reached) {
        return end.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - reached.getOrDefault(e.getKey(), 0L)))
                .sum();
    }

    /** What the records read did to the rebuild, and how fast; shared by the reading threads. */
    private final class Tally {

        private final long started = System.nanoTime();
        private final LongAdder read = new LongAdder();
        private final Map<Outcome, LongAdder> outcomes = new EnumMap<>(Outcome.class);

        Tally() {
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome, new LongAdder());
            }
        }

        /** One poll's records, applied as the live listener applies them: one transaction. */
        void add(List<ConsumerRecord<String, byte[]>> records) {
            // A record the live service set aside went to the dead-letter topic then (a re-driven copy later in the
            // topic is read too); here it is set aside again, by the same rules, and only counted. Records an operator
            // set aside by hand are honoured, as the live service honours them.
            batches.applyHonouringOperatorSetAsides(records)
                    .forEach(record -> Objects.requireNonNull(outcomes.get(record.outcome()))
                            .increment());
            read.add(records.size());
        }

        String progress(long remaining) {
            long read = this.read.sum();
            double seconds = (System.nanoTime() - started) / 1e9;
            double perSecond = seconds > 0 ? read / seconds : 0;
            String eta = perSecond > 0
                    ? Duration.ofSeconds(Math.round(remaining / perSecond))
                            .toString()
                            .substring(2)
                            .toLowerCase(Locale.ROOT)
                    : "unknown";
            return "%d records read, %.0f/s, %d to go, ETA %s".formatted(read, perSecond, remaining, eta);
        }

        @Override
        public String toString() {
            return read.sum() + " records read in " + Math.round((System.nanoTime() - started) / 1e9) + " s, "
                    + count(Outcome.APPLIED) + " applied, " + count(Outcome.DUPLICATE) + " duplicates, "
                    + count(Outcome.SKIPPED) + " of other types (skipped), " + count(Outcome.SET_ASIDE)
                    + " set aside (not applied)";
        }

        private long count(Outcome outcome) {
            return Objects.requireNonNull(outcomes.get(outcome)).sum(); // one counter per Outcome, made up front
        }
    }
}
