package com.outboxwallet.ledger.bookkeeping;

import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.events.TopUpReversed;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
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
 * new event id, is a duplicate whether its first copy is in this batch or an earlier one. A reversal of a funded
 * top-up is applied in its place in the stream, in a transaction of its own. Events of the contract's other types are
 * {@link Outcome#SKIPPED}.
 *
 * <p>One rule for every failure: if the batch fails for a reason positively recognised as the infrastructure's
 * ({@link InfrastructureFailure}: the database unreachable, failing over, timing out, ...), it is thrown, nothing of
 * the batch is committed, and the caller retries it without limit. If it fails for any other reason, whatever was
 * thrown (a constraint, an overflow, a currency that is not the wallet's, an exception or an {@code Error} from the
 * code), the batch is bisected behind savepoints in one transaction ({@link #isolate}): an event that fails applied
 * alone is {@link Outcome#SET_ASIDE} with its {@link Refusal}, and its neighbours apply. The culprit is found by
 * evidence, never guessed from the exception's class.
 */
@Service
public class LedgerRecorder {

    private static final Logger log = LoggerFactory.getLogger(LedgerRecorder.class);

    private final LedgerStore store;
    private final SequenceGaps gaps;
    private final TransactionTemplate transactions;

    LedgerRecorder(LedgerStore store, SequenceGaps gaps, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.gaps = gaps;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public enum Outcome {
        APPLIED,
        DUPLICATE,
        /** A type of the contract the ledger does not book. */
        SKIPPED,
        /** Never applied: set aside on the dead-letter topic with its {@link Refusal}. */
        SET_ASIDE
    }

    /** @param refusal why a {@link Outcome#SET_ASIDE} event is not applied; null otherwise */
    public record Recorded(
            ReceivedEvent event, Outcome outcome, @Nullable Refusal refusal) {

        static Recorded as(ReceivedEvent event, Outcome outcome) {
            return new Recorded(event, outcome, null);
        }
    }

    /**
     * @return what each event did, in the order given
     * @throws RuntimeException only for a failure of the infrastructure; nothing of the batch was committed
     */
    public List<Recorded> record(List<ReceivedEvent> events) {
        Recorded[] recorded = new Recorded[events.size()];
        List<TopUpEvent> topUps = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ReceivedEvent event = events.get(i);
            TopUpAccepted topUp = event.event().topUp();
            TopUpReversed reversal = event.event().reversal();
            if (topUp != null) {
                topUps.add(new TopUpEvent(event, topUp));
                positions.add(i);
            } else if (reversal != null) {
                // A reversal follows the top-ups before it and precedes those after it, as in the stream: the
                // top-ups so far are applied first, in their own transaction.
                recordTopUps(topUps, positions, recorded);
                recorded[i] = applyReversal(event, reversal);
            } else {
                log.debug("Skipping event {} of type {}: the ledger does not book it", event.eventId(), event.type());
                recorded[i] = Recorded.as(event, Outcome.SKIPPED);
            }
        }
        recordTopUps(topUps, positions, recorded);
        return Arrays.asList(recorded);
    }

    /** Applies the top-ups gathered so far and empties the lists. */
    private void recordTopUps(List<TopUpEvent> topUps, List<Integer> positions, Recorded[] recorded) {
        if (topUps.isEmpty()) {
            return;
        }
        List<Recorded> applied = applyAll(topUps);
        for (int j = 0; j < applied.size(); j++) {
            recorded[positions.get(j)] = applied.get(j);
        }
        topUps.clear();
        positions.clear();
    }

    /**
     * A reversal, in a transaction of its own (they are rare): claimed, recorded once by its id, its debit booked and
     * its sequence tracked like a top-up's. A failure that is not the infrastructure's sets it aside.
     */
    private Recorded applyReversal(ReceivedEvent event, TopUpReversed reversal) {
        try {
            Outcome outcome = transactions.execute(status -> {
                if (!store.claimEvent(event) || !store.appendReversal(event, reversal)) {
                    return Outcome.DUPLICATE;
                }
                LedgerStore.WalletState wallet = store.lockProjection(reversal.walletId(), reversal.currency());
                if (!wallet.currency().equals(reversal.currency())) {
                    throw new RefusedTopUp(
                            Refusal.CURRENCY_MISMATCH,
                            "its currency " + reversal.currency() + " is not wallet " + reversal.walletId()
                                    + "'s currency " + wallet.currency() + " in the ledger");
                }
                gaps.track(reversal.walletId(), wallet.lastSequence(), reversal.sequence());
                if (reversal.debited().signum() > 0) {
                    store.appendReversalEntries(reversal);
                }
                store.projectReversal(reversal);
                return Outcome.APPLIED;
            });
            return Recorded.as(event, Objects.requireNonNull(outcome));
        } catch (RuntimeException | Error e) {
            if (InfrastructureFailure.in(e)) {
                throw e;
            }
            String what = "event " + event.eventId() + " (reversal " + reversal.reversalId() + ")";
            Refusal refusal = e instanceof RefusedTopUp refused
                    ? new Refusal(refused.reason(), what + ": " + refused.getMessage(), refused)
                    : DataFault.in(e)
                            .map(fault -> new Refusal(
                                    Refusal.REFUSED_BY_DATABASE,
                                    "the ledger refuses " + what + ": " + fault.getMessage(),
                                    fault))
                            .orElseGet(() -> new Refusal(
                                    Refusal.FAILED_ALONE, what + " failed when applied alone: " + summary(e), e));
            log.atWarn()
                    .addKeyValue("walletId", reversal.walletId())
                    .log("Set aside {}: {}", refusal.reason(), refusal.message());
            return new Recorded(event, Outcome.SET_ASIDE, refusal);
        }
    }

    private List<Recorded> applyAll(List<TopUpEvent> topUps) {
        try {
            return transactions.execute(status -> recorded(topUps, apply(topUps)));
        } catch (RuntimeException | Error e) {
            if (InfrastructureFailure.in(e)) {
                throw e;
            }
            log.warn(
                    "A batch of {} event(s) failed for a reason that is not the infrastructure's ({}); bisecting it to"
                            + " set aside the event(s) that fail alone",
                    topUps.size(),
                    summary(e));
            return transactions.execute(status -> isolate(topUps, status));
        }
    }

    /**
     * Events that failed together, applied again in halves, each behind a savepoint, down to the events that fail
     * alone: a poll with k culprits among n events costs about k log n attempts, not n. An event is set aside only
     * after it failed applied alone; before that, a batch of one is tried alone once more.
     */
    private List<Recorded> isolate(List<TopUpEvent> failedTogether, TransactionStatus transaction) {
        if (failedTogether.size() == 1) {
            TopUpEvent topUp = failedTogether.getFirst();
            Object savepoint = transaction.createSavepoint();
            try {
                List<Recorded> recorded = recorded(failedTogether, apply(failedTogether));
                transaction.releaseSavepoint(savepoint);
                return recorded;
            } catch (RuntimeException | Error e) {
                if (InfrastructureFailure.in(e)) {
                    throw e;
                }
                transaction.rollbackToSavepoint(savepoint);
                Refusal refusal = refusal(topUp, e);
                log.atWarn()
                        .addKeyValue("walletId", topUp.event().walletId())
                        .log("Set aside {}: {}", refusal.reason(), refusal.message());
                return List.of(new Recorded(topUp.envelope(), Outcome.SET_ASIDE, refusal));
            }
        }
        int half = failedTogether.size() / 2;
        List<Recorded> recorded = new ArrayList<>(failedTogether.size());
        // In order: the first half's effects are in place before the second half applies, as in the batch.
        for (List<TopUpEvent> part :
                List.of(failedTogether.subList(0, half), failedTogether.subList(half, failedTogether.size()))) {
            Object savepoint = transaction.createSavepoint();
            try {
                recorded.addAll(recorded(part, apply(part)));
                transaction.releaseSavepoint(savepoint);
            } catch (RuntimeException | Error e) {
                if (InfrastructureFailure.in(e)) {
                    throw e;
                }
                transaction.rollbackToSavepoint(savepoint);
                recorded.addAll(isolate(part, transaction));
            }
        }
        return recorded;
    }

    /** What the failure of one event, applied alone, says about it. */
    private static Refusal refusal(TopUpEvent topUp, Throwable failure) {
        String event = "event " + topUp.envelope().eventId() + " (top-up "
                + topUp.event().topUpId() + ")";
        if (failure instanceof RefusedTopUp refused) {
            return new Refusal(refused.reason(), event + ": " + refused.getMessage(), refused);
        }
        Optional<SQLException> fault = DataFault.in(failure);
        if (fault.isPresent()) {
            String constraint = constraintOf(fault.get());
            String reason = LedgerStore.SEQUENCE_CONSTRAINT.equals(constraint)
                    ? Refusal.SEQUENCE_CONFLICT
                    : LedgerStore.REQUEST_CONSTRAINT.equals(constraint)
                            ? Refusal.REQUEST_CONFLICT
                            : Refusal.REFUSED_BY_DATABASE;
            return new Refusal(
                    reason, "the ledger refuses " + event + ": " + fault.get().getMessage(), fault.get());
        }
        return new Refusal(Refusal.FAILED_ALONE, event + " failed when applied alone: " + summary(failure), failure);
    }

    private static @Nullable String constraintOf(SQLException fault) {
        return fault instanceof PSQLException psql && psql.getServerErrorMessage() != null
                ? psql.getServerErrorMessage().getConstraint()
                : null;
    }

    private static String summary(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
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
        Set<UUID> recorded = firstOfEachTopUp.isEmpty() ? Set.of() : store.appendAuditLog(firstOfEachTopUp);
        List<TopUpEvent> applied = firstOfEachTopUp.stream()
                .filter(topUp -> recorded.contains(topUp.event().topUpId()))
                .toList();
        // By identity: two deliveries of one event are equal records, and only the first was applied.
        Set<TopUpEvent> appliedOnes = Collections.newSetFromMap(new IdentityHashMap<>());
        appliedOnes.addAll(applied);
        List<TopUpEvent> copies =
                topUps.stream().filter(topUp -> !appliedOnes.contains(topUp)).toList();
        if (!copies.isEmpty()) {
            requireSameAsRecorded(copies);
        }
        if (applied.isEmpty()) {
            return appliedOnes;
        }
        List<TopUpAccepted> events = applied.stream().map(TopUpEvent::event).toList();
        store.appendEntries(events);
        Map<UUID, LedgerStore.WalletState> wallets = store.lockProjections(events);
        for (TopUpAccepted event : events) {
            String currency = Objects.requireNonNull(
                            wallets.get(event.walletId()), "every wallet of the batch is locked")
                    .currency();
            if (!currency.equals(event.currency())) {
                throw new RefusedTopUp(
                        Refusal.CURRENCY_MISMATCH,
                        "its currency " + event.currency() + " is not wallet " + event.walletId() + "'s currency "
                                + currency + " in the ledger");
            }
        }
        Map<UUID, Long> highest = new HashMap<>();
        wallets.forEach((wallet, state) -> highest.put(wallet, state.lastSequence()));
        gaps.track(highest, events);
        store.project(events);
        return appliedOnes;
    }

    /**
     * A copy of an event or top-up the ledger holds is a duplicate only if it says the same: a record reusing a known
     * event id for another top-up, or a known top-up id for other content (another amount, wallet, user, currency,
     * sequence or request), is a conflict to set aside, never silently absorbed.
     */
    private void requireSameAsRecorded(List<TopUpEvent> copies) {
        Map<UUID, UUID> claimedFor = store.claimedTopUps(copies);
        Map<UUID, LedgerStore.RecordedTopUp> byTopUp = new HashMap<>();
        store.recordedTopUps(copies).forEach(row -> byTopUp.put(row.topUpId(), row));
        for (TopUpEvent copy : copies) {
            UUID eventId = copy.envelope().eventId();
            UUID topUpOfEvent = claimedFor.get(eventId);
            LedgerStore.RecordedTopUp asRecorded = byTopUp.get(copy.event().topUpId());
            String difference = topUpOfEvent != null
                            && !topUpOfEvent.equals(copy.event().topUpId())
                    ? "event id " + eventId + " was applied for top-up " + topUpOfEvent
                    : asRecorded == null
                            ? "event id " + eventId + " was applied for another top-up"
                            : asRecorded.differenceFrom(
                                    copy.event(), copy.envelope().event().idempotencyKey());
            if (difference != null) {
                throw new RefusedTopUp(
                        Refusal.CONFLICTING_COPY,
                        "a copy of a top-up the ledger holds, with other content: " + difference);
            }
        }
    }

    /** The first of the items with the same key, in order. */
    private static List<TopUpEvent> firstOfEach(List<TopUpEvent> topUps, Function<TopUpEvent, UUID> key) {
        Map<UUID, TopUpEvent> first = new LinkedHashMap<>();
        topUps.forEach(topUp -> first.putIfAbsent(key.apply(topUp), topUp));
        return List.copyOf(first.values());
    }
}
