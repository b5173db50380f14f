package com.outboxwallet.ledger.bookkeeping;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What the ledger knows of one wallet's balance, from both sides: the projection and the ledger lines it summarises.
 * They are written in one transaction, so they differ only if someone edited the projection by hand.
 *
 * @param openGapCount how many sequences are missing
 * @param openGaps     the lowest ranges of missing sequences, at most {@link LedgerQueries#GAPS_SHOWN}
 */
public record WalletBalance(
        UUID walletId,
        String currency,
        BigDecimal projectedBalance,
        BigDecimal entriesBalance,
        long lastSequence,
        long openGapCount,
        List<SequenceGaps.GapRange> openGaps) {

    public boolean consistent() {
        return projectedBalance.compareTo(entriesBalance) == 0;
    }
}
