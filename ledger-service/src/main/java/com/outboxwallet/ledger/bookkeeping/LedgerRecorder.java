package com.outboxwallet.ledger.bookkeeping;

import com.outboxwallet.events.InvalidWalletEvent;
import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.events.WalletEventCodec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies wallet events to the ledger, a batch (one poll of the topic) in one transaction. The processed_events
 * primary key is the dedupe: it is claimed in the same transaction as the effects, so either an event and all its
 * effects are recorded, or neither is.
 *
 * <p>Within a batch the events apply in the order given (offset order), and a copy of an event, or of a top-up under a
 * new event id, is a duplicate whether its first copy is in this batch or an earlier one.
 *
 * <p>An event that can never be applied is {@link Outcome#INVALID} and its neighbours still apply: one whose payload
 * or headers are wrong is found before the transaction; one the database refuses for its data (a constraint or a
 * numeric overflow) fails the batch's transaction, and the batch is then applied again event by event, each behind a
 * savepoint, so only that one is left out. Any other failure (the database unreachable, a timeout) is thrown: nothing
 * of the batch is committed, and the caller retries it.
 */
@Service
public class LedgerRecorder {

    private static final Logger log = LoggerFactory.getLogger(LedgerRecorder.class);

    private final LedgerStore store;
    private final SequenceGaps gaps;
    private final TransactionTemplate transactions;
    private final WalletEventCodec codec = new WalletEventCodec();

    LedgerRecorder(LedgerStore store, SequenceGaps gaps, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.gaps = gaps;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public enum Outcome {
        APPLIED,
        DUPLICATE,
        IGNORED,
        INVALID
    }

    /** @param invalidity why an {@link Outcome#INVALID} event can never be applied; null otherwise */
    public record Recorded(
            ReceivedEvent event, Outcome outcome, @Nullable InvalidWalletEvent invalidity) {

        static Recorded as(ReceivedEvent event, Outcome outcome) {
            return new Recorded(event, outcome, null);
        }
    }

    /** @return what each event did, in the order given */
    public List<Recorded> record(List<ReceivedEvent> events) {
        Recorded[] recorded = new Recorded[events.size()];
        List<TopUpEvent> topUps = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ReceivedEvent event = events.get(i);
            if (!TopUpAccepted.TYPE.equals(event.type())) {
                log.debug("Ignoring event {} of type {}", event.eventId(), event.type());
                recorded[i] = Recorded.as(event, Outcome.IGNORED);
                continue;
            }
            try {
                topUps.add(read(event));
                positions.add(i);
            } catch (InvalidWalletEvent e) {
                recorded[i] = new Recorded(event, Outcome.INVALID, e);
            }
        }
        if (!topUps.isEmpty()) {
            List<Recorded> applied = applyAll(topUps);
            for (int j = 0; j < applied.size(); j++) {
                recorded[positions.get(j)] = applied.get(j);
            }
        }
        return Arrays.asList(recorded);
    }

    private TopUpEvent read(ReceivedEvent envelope) {
        TopUpAccepted event = codec.topUpAccepted(envelope.payload());
        if (envelope.walletSequence() != null && envelope.walletSequence() != event.sequence()) {
            // Which one would be the truth is unknowable here; an operator decides from the dead-letter topic.
            throw new InvalidWalletEvent(
                    "ce_walletsequence " + envelope.walletSequence() + " disagrees with the payload's sequence "
                            + event.sequence() + " in event " + envelope.eventId(),
                    null);
        }
        return new TopUpEvent(envelope, event);
    }

    private List<Recorded> applyAll(List<TopUpEvent> topUps) {
        try {
            return transactions.execute(status -> recorded(topUps, apply(topUps)));
        } catch (RuntimeException e) {
            Optional<SQLException> fault = DataFault.in(e);
            if (fault.isEmpty()) {
                throw e;
            }
            log.warn(
                    "A batch of {} event(s) was refused for its data ({}); applying it event by event to set the "
                            + "offending one(s) aside",
                    topUps.size(),
                    fault.get().getMessage());
            return transactions.execute(status -> topUps.stream()
                    .map(topUp -> applyBehindSavepoint(topUp, status))
                    .toList());
        }
    }

    private Recorded applyBehindSavepoint(TopUpEvent topUp, TransactionStatus transaction) {
        Object savepoint = transaction.createSavepoint();
        try {
            Recorded recorded = recorded(List.of(topUp), apply(List.of(topUp))).getFirst();
            transaction.releaseSavepoint(savepoint);
            return recorded;
        } catch (RuntimeException e) {
            SQLException fault = DataFault.in(e).orElseThrow(() -> e);
            transaction.rollbackToSavepoint(savepoint);
            return new Recorded(
                    topUp.envelope(),
                    Outcome.INVALID,
                    new InvalidWalletEvent(
                            "the ledger refuses event " + topUp.envelope().eventId() + " of top-up "
                                    + topUp.event().topUpId() + ": " + fault.getMessage(),
                            fault));
        }
    }

    private static List<Recorded> recorded(List<TopUpEvent> topUps, Set<TopUpEvent> applied) {
        return topUps.stream()
                .map(topUp ->
                        Recorded.as(topUp.envelope(), applied.contains(topUp) ? Outcome.APPLIED : Outcome.DUPLICATE))
                .toList();
    }

    /**
     * Set-based: each step is one statement for the whole batch. The first copy of an event id claims it; the first
     * claimed copy of a top-up id records it; only recorded top-ups reach the entries, the gap tracking and the
     * projections. Everything else is a duplicate.
     *
     * @return the events applied; the others were duplicates
     */
    private Set<TopUpEvent> apply(List<TopUpEvent> topUps) {
        List<TopUpEvent> firstOfEachEvent =
                firstOfEach(topUps, topUp -> topUp.envelope().eventId());
        Set<UUID> claimed = store.claimEvents(firstOfEachEvent);
        List<TopUpEvent> firstOfEachTopUp = firstOfEach(
                firstOfEachEvent.stream()
                        .filter(topUp -> claimed.contains(topUp.envelope().eventId()))
                        .toList(),
                topUp -> topUp.event().topUpId());
        if (firstOfEachTopUp.isEmpty()) {
            return Set.of();
        }
        Set<UUID> recorded = store.appendAuditLog(firstOfEachTopUp);
        List<TopUpEvent> applied = firstOfEachTopUp.stream()
                .filter(topUp -> recorded.contains(topUp.event().topUpId()))
                .toList();
        if (applied.isEmpty()) {
            return Set.of();
        }
        List<TopUpAccepted> events = applied.stream().map(TopUpEvent::event).toList();
        store.appendEntries(events);
        gaps.track(store.lockProjections(events), events);
        store.project(events);
        // By identity: two deliveries of one event are equal records, and only the first was applied.
        Set<TopUpEvent> appliedOnes = Collections.newSetFromMap(new IdentityHashMap<>());
        appliedOnes.addAll(applied);
        return appliedOnes;
    }

    /** The first of the items with the same key, in order. */
    private static List<TopUpEvent> firstOfEach(List<TopUpEvent> topUps, Function<TopUpEvent, UUID> key) {
        Map<UUID, TopUpEvent> first = new LinkedHashMap<>();
        topUps.forEach(topUp -> first.putIfAbsent(key.apply(topUp), topUp));
        return List.copyOf(first.values());
    }
}
