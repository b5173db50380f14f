package com.outboxwallet.ledger.ledger;

import com.outboxwallet.events.InvalidWalletEvent;
import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.events.WalletEventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies wallet events to the ledger. The processed_events primary key is the dedupe: it is claimed in the same
 * transaction as the effects, so either the event and all its effects are recorded, or neither is.
 */
@Service
public class LedgerRecorder {

    private static final Logger log = LoggerFactory.getLogger(LedgerRecorder.class);

    private final LedgerStore store;
    private final SequenceGaps gaps;
    private final WalletEventCodec codec = new WalletEventCodec();

    LedgerRecorder(LedgerStore store, SequenceGaps gaps) {
        this.store = store;
        this.gaps = gaps;
    }

    public enum Outcome { APPLIED, DUPLICATE, IGNORED }

    @Transactional
    public Outcome record(ReceivedEvent envelope) {
        if (!TopUpAccepted.TYPE.equals(envelope.type())) {
            log.debug("Ignoring event {} of type {}", envelope.eventId(), envelope.type());
            return Outcome.IGNORED;
        }
        TopUpAccepted event = codec.topUpAccepted(envelope.payload());
        if (envelope.walletSequence() != null && envelope.walletSequence() != event.sequence()) {
            // Which one would be the truth is unknowable here; an operator decides from the dead-letter topic.
            throw new InvalidWalletEvent("ce_walletsequence " + envelope.walletSequence()
                    + " disagrees with the payload's sequence " + event.sequence() + " in event " + envelope.eventId(), null);
        }
        if (!store.claimEvent(envelope)) {
            return Outcome.DUPLICATE;
        }
        if (!store.appendAuditLog(envelope, event)) {
            // Same top-up under a new event id: keep the id as seen, apply nothing twice.
            return Outcome.DUPLICATE;
        }
        store.appendEntries(event);
        long highestApplied = store.lockProjection(event);
        gaps.track(event.walletId(), highestApplied, event.sequence());
        store.project(event);
        return Outcome.APPLIED;
    }
}
