package com.outboxwallet.api.topup;

import com.outboxwallet.api.TimeOrderedIds;
import com.outboxwallet.api.outbox.OutboxRepository;
import com.outboxwallet.api.trace.LogContext;
import com.outboxwallet.api.trace.RequestTraces;
import com.outboxwallet.api.wallet.Wallet;
import com.outboxwallet.events.Funding;
import com.outboxwallet.events.OutboxMessage;
import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.events.TopUpReversed;
import com.outboxwallet.events.WalletEventCodec;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a credit leaves behind, in the credit's own transaction: the top-up row and the outbox row announcing it. Every
 * concurrency strategy writes them through here, so a top-up is recorded one way whatever ordered it.
 */
@Component
public class TopUpRecords {

    private final TopUpRepository topUps;
    private final OutboxRepository outbox;
    private final RequestTraces traces;
    private final WalletEventCodec events = new WalletEventCodec();

    TopUpRecords(TopUpRepository topUps, OutboxRepository outbox, RequestTraces traces) {
        this.topUps = topUps;
        this.outbox = outbox;
        this.traces = traces;
    }

    /** The top-up that {@code credited} (the wallet just after the credit) records: its balance and version. */
    public TopUp of(TopUpCommand command, Wallet credited, Instant at) {
        return of(command, credited, at, null);
    }

    /** The same, for a top-up a payment paid for ({@code paymentId}) or none (null). */
    TopUp of(TopUpCommand command, Wallet credited, Instant at, @Nullable UUID paymentId) {
        return new TopUp(
                TimeOrderedIds.next(),
                command.userId(),
                credited.id(),
                command.key().value(),
                command.fingerprint(),
                command.amount().value(),
                credited.currency(),
                credited.balance(),
                credited.version(),
                at,
                paymentId);
    }

    /** @throws DuplicateTopUpRequest when the user already used the key; the caller's transaction must roll back */
    public void write(TopUp topUp) {
        write(topUp, null);
    }

    /**
     * Writes a top-up with where its money came from, when a payment provider settled it.
     *
     * @throws DuplicateTopUpRequest when the user already used the key; the caller's transaction must roll back
     */
    void write(TopUp topUp, @Nullable Funding funding) {
        LogContext.topUp(topUp.walletId(), topUp.id());
        topUps.insert(topUp, accepted(topUp, funding));
    }

    /**
     * Writes the top-up unless its user already used its key, without failing the transaction either way, so that
     * the top-ups committed with it are unaffected.
     *
     * @return whether it was written
     */
    public boolean writeUnlessKeyUsed(TopUp topUp) {
        return topUps.insertUnlessKeyUsed(topUp, accepted(topUp, null));
    }

    /** Appends the event of a reversal's compensation, in the caller's transaction. */
    void appendReversal(TopUpReversed reversal) {
        outbox.append(new OutboxMessage(
                TimeOrderedIds.next(),
                "wallet",
                reversal.walletId(),
                TopUpReversed.TYPE,
                events.toJson(reversal),
                FundedTopUps.KEY_PREFIX + reversal.funding().paymentId() + ":reversal",
                reversal.sequence(),
                reversal.occurredAt(),
                traces.currentTraceparent()));
    }

    private OutboxMessage accepted(TopUp topUp, @Nullable Funding funding) {
        TopUpAccepted event = new TopUpAccepted(
                topUp.id(),
                topUp.walletId(),
                topUp.userId(),
                topUp.amount(),
                topUp.currency(),
                topUp.balanceAfter(),
                topUp.walletVersion(),
                topUp.createdAt(),
                funding);
        return new OutboxMessage(
                TimeOrderedIds.next(),
                "wallet",
                topUp.walletId(),
                TopUpAccepted.TYPE,
                events.toJson(event),
                topUp.idempotencyKey(),
                topUp.walletVersion(),
                topUp.createdAt(),
                traces.currentTraceparent());
    }
}
