package com.outboxwallet.ledger.console;

import com.outboxwallet.ledger.bookkeeping.SequenceGaps;
import com.outboxwallet.ledger.bookkeeping.SequenceGaps.GapRange;
import com.outboxwallet.process.ConditionalOnServing;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The open sequence gaps as {@link SequenceGaps} keeps them, the source of the gauge and the health status: how many
 * sequences are missing, in how many ranges, and the oldest few (the API's {@code /sequence-gaps} pages through all).
 */
@Component
@ConditionalOnServing
public class OpenGaps {

    static final int SHOWN = 10;

    private final SequenceGaps gaps;

    OpenGaps(SequenceGaps gaps) {
        this.gaps = gaps;
    }

    public record Snapshot(long missing, long ranges, List<GapRange> oldest) {

        public boolean any() {
            return missing > 0;
        }

        public String missingShown() {
            return Figures.count(missing);
        }

        public boolean more() {
            return ranges > oldest.size();
        }
    }

    public Snapshot read() {
        return new Snapshot(gaps.openCount(), gaps.openRangeCount(), gaps.open(0, SHOWN));
    }
}
