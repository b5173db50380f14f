package com.outboxwallet.ledger.consumer;

import com.outboxwallet.events.InvalidWalletEvent;
import com.outboxwallet.events.Violation;
import com.outboxwallet.ledger.bookkeeping.LedgerRecorder;
import com.outboxwallet.ledger.bookkeeping.LedgerRecorder.Outcome;
import com.outboxwallet.ledger.bookkeeping.LedgerRecorder.Recorded;
import com.outboxwallet.ledger.bookkeeping.OperatorSetAsides;
import com.outboxwallet.ledger.bookkeeping.OperatorSetAsides.SetAside;
import com.outboxwallet.ledger.bookkeeping.ReceivedEvent;
import com.outboxwallet.ledger.bookkeeping.Refusal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * One poll's records through the ledger: each read as a wallet event, then all applied in one transaction
 * ({@link LedgerRecorder}). Every record ends in exactly one of: applied, a duplicate, skipped (a type of the
 * contract the ledger does not book), or set aside with its {@link Refusal}; only a failure of the infrastructure is
 * thrown. The live listener and the replay command both go through here, so a replay applies exactly as the service
 * does.
 */
@Component
public class RecordBatches {

    private final ReceivedEvents reader;
    private final LedgerRecorder ledger;
    private final OperatorSetAsides operatorSetAsides;

    RecordBatches(ReceivedEvents reader, LedgerRecorder ledger, OperatorSetAsides operatorSetAsides) {
        this.reader = reader;
        this.ledger = ledger;
        this.operatorSetAsides = operatorSetAsides;
    }

    /** @param refusal why a {@link Outcome#SET_ASIDE} record is not applied; null otherwise */
    public record AppliedRecord(
            ConsumerRecord<String, byte[]> record,
            Outcome outcome,
            @Nullable Refusal refusal) {}

    /**
     * @return what became of each record, in the order given
     * @throws RuntimeException when the infrastructure failed; nothing of the batch was committed
     */
    public List<AppliedRecord> apply(List<ConsumerRecord<String, byte[]>> records) {
        return apply(records, Map.of());
    }

    /**
     * As {@link #apply(List)}, first setting aside the records an operator named ({@code dead-letters set-aside}).
     * It costs a query, so the listener asks for it only while it is retrying a batch, and the replay always.
     */
    public List<AppliedRecord> applyHonouringOperatorSetAsides(List<ConsumerRecord<String, byte[]>> records) {
        return apply(records, operatorSetAsides(records));
    }

    private List<AppliedRecord> apply(List<ConsumerRecord<String, byte[]>> records, Map<Position, SetAside> setAside) {
        AppliedRecord[] applied = new AppliedRecord[records.size()];
        List<ReceivedEvent> events = new ArrayList<>(records.size());
        List<Integer> positions = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            SetAside byOperator = setAside.get(Position.of(record));
            if (byOperator != null) {
                applied[i] = new AppliedRecord(record, Outcome.SET_ASIDE, refusal(byOperator));
                continue;
            }
            try {
                events.add(reader.of(record));
                positions.add(i);
            } catch (InvalidWalletEvent e) {
                applied[i] = new AppliedRecord(record, Outcome.SET_ASIDE, Refusal.of(e));
            } catch (RuntimeException | Error e) {
                // Reading is a function of the record alone: whatever it throws is the record's.
                applied[i] = new AppliedRecord(
                        record,
                        Outcome.SET_ASIDE,
                        Refusal.of(new InvalidWalletEvent(
                                Violation.MALFORMED_PAYLOAD, "the record could not be read: " + e, e)));
            }
        }
        List<Recorded> recorded = ledger.record(events);
        for (int j = 0; j < recorded.size(); j++) {
            int i = positions.get(j);
            applied[i] = new AppliedRecord(
                    records.get(i), recorded.get(j).outcome(), recorded.get(j).refusal());
        }
        return Arrays.asList(applied);
    }

    private Map<Position, SetAside> operatorSetAsides(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<ConsumerRecord<String, byte[]>>> byTopic = new HashMap<>();
        records.forEach(record -> byTopic.computeIfAbsent(record.topic(), topic -> new ArrayList<>())
                .add(record));
        Map<Position, SetAside> found = new HashMap<>();
        byTopic.forEach((topic, ofTopic) -> operatorSetAsides
                .among(
                        topic,
                        ofTopic.stream().mapToInt(ConsumerRecord::partition).toArray(),
                        ofTopic.stream().mapToLong(ConsumerRecord::offset).toArray())
                .forEach(setAside -> found.put(
                        new Position(new TopicPartition(setAside.topic(), setAside.partition()), setAside.offset()),
                        setAside)));
        return found;
    }

    private static Refusal refusal(SetAside setAside) {
        String message =
                "set aside by operator " + setAside.operator() + " at " + setAside.at() + ": " + setAside.reason();
        return new Refusal(Refusal.SET_ASIDE_BY_OPERATOR, message, new OperatorSetAside(message));
    }

    private record Position(TopicPartition partition, long offset) {

        static Position of(ConsumerRecord<?, ?> record) {
            return new Position(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
    }

    /** What the dead-letter record names as its exception when an operator set it aside. */
    static final class OperatorSetAside extends RuntimeException {

        OperatorSetAside(String message) {
            super(message, null, false, false);
        }
    }
}
