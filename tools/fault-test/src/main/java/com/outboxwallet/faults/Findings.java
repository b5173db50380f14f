package com.outboxwallet.faults;

import java.time.Duration;
import java.util.List;

/**
 * What the check found. {@code lost} and {@code doubleApplied} are the promise's two figures; every violation is
 * listed in words.
 *
 * @param indeterminateApplied top-ups whose client never got a final answer, but that were applied (once)
 * @param topUpRows            rows in {@code top_ups} at the end
 * @param topicDuplicates      records on the topic repeating an event id: delivered twice, absorbed by the ledger
 * @param poisonRecords        malformed records the {@code poison-record} fault wrote to the topic
 * @param deadLetters          records on the dead-letter topic: the poison records, if all is well
 * @param longestLedgerDelay   the longest time from a top-up's commit to the commit of its audit-log row
 * @param funded               the funded top-ups' own findings (their violations are among {@code violations})
 */
record Findings(
        long acknowledged,
        long refused,
        long indeterminate,
        long indeterminateApplied,
        long attempts,
        long topUpRows,
        long lost,
        long doubleApplied,
        long unsent,
        long balanceMismatches,
        long sequenceGaps,
        long topicRecords,
        long topicDuplicates,
        long poisonRecords,
        long deadLetters,
        int reconcileExit,
        Duration longestLedgerDelay,
        FundedFindings funded,
        List<String> violations) {

    boolean promiseHeld() {
        return violations.isEmpty();
    }
}
