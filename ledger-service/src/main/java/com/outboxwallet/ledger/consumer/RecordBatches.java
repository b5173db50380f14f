package com.outboxwallet.ledger.consumer;

import com.outboxwallet.events.InvalidWalletEvent;
import com.outboxwallet.ledger.bookkeeping.LedgerRecorder;
import com.outboxwallet.ledger.bookkeeping.LedgerRecorder.Outcome;
import com.outboxwallet.ledger.bookkeeping.LedgerRecorder.Recorded;
import com.outboxwallet.ledger.bookkeeping.ReceivedEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * One poll's records through the ledger: each read as a wallet event, then all applied in one transaction
 * ({@link LedgerRecorder}). A record that cannot be read is {@link Outcome#INVALID} and its neighbours still apply.
 * The live listener and the replay command both go through here, so a replay applies exactly as the service does.
 */
@Component
public class RecordBatches {

    private final LedgerRecorder ledger;

    RecordBatches(LedgerRecorder ledger) {
        this.ledger = ledger;
    }

    /** @param invalidity why an {@link Outcome#INVALID} record can never be applied; null otherwise */
    public record AppliedRecord(
            ConsumerRecord<String, byte[]> record,
            Outcome outcome,
            @Nullable InvalidWalletEvent invalidity) {}

    /**
     * @return what became of each record, in the order given
     * @throws RuntimeException when the ledger's database failed; nothing of the batch was committed
     */
    public List<AppliedRecord> apply(List<ConsumerRecord<String, byte[]>> records) {
        AppliedRecord[] applied = new AppliedRecord[records.size()];
        List<ReceivedEvent> events = new ArrayList<>(records.size());
        List<Integer> positions = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                events.add(ReceivedEvents.of(records.get(i)));
                positions.add(i);
            } catch (InvalidWalletEvent e) {
                applied[i] = new AppliedRecord(records.get(i), Outcome.INVALID, e);
            }
        }
        List<Recorded> recorded = ledger.record(events);
        for (int j = 0; j < recorded.size(); j++) {
            int i = positions.get(j);
            applied[i] = new AppliedRecord(
                    records.get(i), recorded.get(j).outcome(), recorded.get(j).invalidity());
        }
        return Arrays.asList(applied);
    }
}
