package com.outboxwallet.ledger.operations;

import com.outboxwallet.events.InvalidWalletEvent;
import com.outboxwallet.ledger.LedgerProperties;
import com.outboxwallet.ledger.consumer.ReceivedEvents;
import com.outboxwallet.ledger.ledger.LedgerRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@code replay --from ...}: rebuilds the whole ledger from the topic into fresh tables in {@code ledger_rebuild}
 * (this run's datasource and Flyway work there, so the rebuild is made by the same migrations and the same
 * {@link LedgerRecorder} as the live ledger), then swaps it in ({@link RebuildSwap}) while the live service runs.
 *
 * <p>Resumable: the rebuild dedupes by event id like the live ledger, and a rerun starts each partition after the
 * highest offset the rebuild already applied. Records the live service dead-lettered are skipped here too.
 */
@Component
@ConditionalOnProperty(name = OperatorCommand.PROPERTY, havingValue = "replay")
class ReplayCommand extends OperatorRun {

    private final LedgerRecorder recorder;
    private final ConsumerFactory<?, ?> consumers;
    private final LedgerProperties properties;
    private final RebuildSwap rebuild;
    private final ReplayProgress progress;

    ReplayCommand(LedgerRecorder recorder, ConsumerFactory<?, ?> consumers, LedgerProperties properties,
                  RebuildSwap rebuild, ReplayProgress progress) {
        super(OperatorCommand.REPLAY);
        this.recorder = recorder;
        this.consumers = consumers;
        this.properties = properties;
        this.rebuild = rebuild;
        this.progress = progress;
    }

    @Override
    protected int execute(CommandArguments args) {
        ReplayStart from = args.option("from").filter(value -> !value.isBlank()).map(ReplayStart::parse)
                .orElseThrow(() -> new UsageException("usage: replay " + ReplayStart.USAGE));
        try (TopicReader reader = new TopicReader(consumers, properties.topic(), "ledger-replay")) {
            Map<TopicPartition, Long> end = reader.end();
            Map<TopicPartition, Long> requested = from.resolve(reader.beginning(), end,
                    query -> reader.consumer().offsetsForTimes(query));
            Map<TopicPartition, Long> start = progress.startFrom(requested);
            reader.seek(start);
            out.printf("replay: rebuilding %s into schema %s from %s%s; %d records to read up to %s%n",
                    properties.topic(), RebuildSchema.NAME, TopicReader.format(start),
                    start.equals(requested) ? "" : " (resuming an earlier run)", reader.remaining(end),
                    TopicReader.format(end));

            Tally tally = new Tally();
            ProgressLine line = new ProgressLine(out, () -> "replay: " + tally + ", " + reader.remaining(end) + " to go");
            reader.readUntil(end, record -> {
                tally.add(record);
                line.tick();
            }, progress::reached);
            // A second pass to the new end shortens the catch-up that has to happen under the swap's lock.
            reader.readUntil(reader.end(), tally::add, progress::reached);
            out.println("replay: caught up with the topic: " + tally);

            long missing = rebuild.topUpsMissingFromRebuild(reader.positions());
            if (missing > 0) {
                out.printf("replay: NOT swapped: %d top-up(s) in the live ledger are not in the rebuild (did --from start"
                        + " after them?). The live ledger is untouched; the rebuild stays in %s: rerun with an earlier"
                        + " --from, or DROP SCHEMA %s CASCADE.%n", missing, RebuildSchema.NAME, RebuildSchema.NAME);
                return FOUND_PROBLEMS;
            }
            String retired = rebuild.swap(reader.partitions(), targets -> reader.readUntil(targets, tally::add));
            out.printf("replay: done: %s. The rebuilt ledger is live; the replaced tables are in schema %s "
                    + "(drop it once reconcile agrees).%n", tally, retired);
            return OK;
        }
    }

    /** What the records read did to the rebuild. */
    private final class Tally {

        private long read;
        private long applied;
        private long duplicates;
        private long ignored;
        private long invalid;

        void add(ConsumerRecord<String, byte[]> record) {
            read++;
            try {
                switch (recorder.record(ReceivedEvents.of(record))) {
                    case APPLIED -> applied++;
                    case DUPLICATE -> duplicates++;
                    case IGNORED -> ignored++;
                }
            } catch (InvalidWalletEvent e) {
                // The live service sent it to the dead-letter topic; a re-driven copy later in the topic is read too.
                invalid++;
            }
        }

        @Override
        public String toString() {
            return read + " records read, " + applied + " applied, " + duplicates + " duplicates, " + ignored
                    + " of other types, " + invalid + " invalid (skipped)";
        }
    }
}
