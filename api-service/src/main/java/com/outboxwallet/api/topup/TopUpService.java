package com.outboxwallet.api.topup;

import com.outboxwallet.api.idempotency.IdempotencyKeyReused;
import com.outboxwallet.api.outbox.OutboxMessage;
import com.outboxwallet.api.outbox.OutboxRepository;
import com.outboxwallet.api.trace.CurrentTrace;
import com.outboxwallet.api.trace.Traceparent;
import com.outboxwallet.api.wallet.BalanceCeilingExceeded;
import com.outboxwallet.api.wallet.CreditStrategy;
import com.outboxwallet.api.wallet.Wallet;
import com.outboxwallet.api.wallet.WalletNotFound;
import com.outboxwallet.api.wallet.WalletProperties;
import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.events.WalletEventCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies a top-up: the balance change, the top-up row and the outbox row commit together or not at all, in one
 * PostgreSQL transaction. Idempotency rests on the top_ups_user_key_uq constraint, never on a prior look-up.
 */
@Service
public class TopUpService {

    private final TransactionTemplate transactions;
    private final CreditStrategy credit;
    private final BigDecimal maxTopUp;
    private final TopUpRepository topUps;
    private final OutboxRepository outbox;
    private final WalletEventCodec events = new WalletEventCodec();
    private final Clock clock;

    @Autowired
    TopUpService(TransactionTemplate transactions, CreditStrategy credit, WalletProperties wallet,
                 TopUpRepository topUps, OutboxRepository outbox, Clock clock) {
        this(transactions, credit, wallet.limits().maxTopUp(), topUps, outbox, clock);
    }

    private TopUpService(TransactionTemplate transactions, CreditStrategy credit, BigDecimal maxTopUp,
                         TopUpRepository topUps, OutboxRepository outbox, Clock clock) {
        this.transactions = transactions;
        this.credit = credit;
        this.maxTopUp = maxTopUp;
        this.topUps = topUps;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The same service with another concurrency strategy, so tests and benchmarks compare them side by side. */
    public TopUpService withCreditStrategy(CreditStrategy other) {
        return new TopUpService(transactions, other, maxTopUp, topUps, outbox, clock);
    }

    /**
     * @throws AmountAboveMaximum     when the amount is above the per-top-up maximum
     * @throws IdempotencyKeyReused   when the key was used before for another amount
     * @throws WalletNotFound         when the user has no wallet
     * @throws BalanceCeilingExceeded when the balance would pass the ceiling
     * @throws com.outboxwallet.api.wallet.WalletBusy when the concurrency strategy gave up waiting for the wallet
     */
    public TopUpOutcome topUp(TopUpCommand command) {
        if (command.amount().compareTo(maxTopUp) > 0) {
            throw new AmountAboveMaximum(maxTopUp);
        }
        try {
            TopUp applied = credit.around(command.userId(), () -> transactions.execute(status -> apply(command)));
            return new TopUpOutcome(applied, false);
        } catch (DuplicateTopUpRequest alreadyApplied) {
            // The transaction rolled back; the original top-up is committed and is the answer.
            return original(command).orElseThrow(
                    () -> new IllegalStateException("unique violation without a committed row"));
        } catch (BalanceCeilingExceeded refused) {
            // A retry of a top-up that filled the wallet meets the ceiling before the unique key: it is still a retry.
            return original(command).orElseThrow(() -> refused);
        }
    }

    private Optional<TopUpOutcome> original(TopUpCommand command) {
        return topUps.findByUserAndKey(command.userId(), command.key().value()).map(original -> {
            if (!original.requestFingerprint().equals(command.fingerprint())) {
                throw new IdempotencyKeyReused();
            }
            return new TopUpOutcome(original, true);
        });
    }

    public TopUp find(UUID userId, UUID topUpId) {
        return topUps.findByIdAndUser(topUpId, userId).orElseThrow(TopUpNotFound::new);
    }

    public List<TopUp> page(UUID userId, int page, int size) {
        return topUps.findPageByUser(userId, page, size);
    }

    public long count(UUID userId) {
        return topUps.countByUser(userId);
    }

    private TopUp apply(TopUpCommand command) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
        Wallet credited = credit.credit(command.userId(), command.amount(), now);
        TopUp topUp = new TopUp(UUID.randomUUID(), command.userId(), credited.id(), command.key().value(),
                command.fingerprint(), command.amount(), credited.currency(), credited.balance(), credited.version(), now);
        topUps.insert(topUp);
        outbox.append(accepted(topUp));
        return topUp;
    }

    private OutboxMessage accepted(TopUp topUp) {
        TopUpAccepted event = new TopUpAccepted(topUp.id(), topUp.walletId(), topUp.userId(), topUp.amount(),
                topUp.currency(), topUp.balanceAfter(), topUp.walletVersion(), topUp.createdAt());
        return new OutboxMessage(UUID.randomUUID(), "wallet", topUp.walletId(), TopUpAccepted.TYPE,
                events.toJson(event), topUp.idempotencyKey(), topUp.walletVersion(), topUp.createdAt(),
                CurrentTrace.get().map(Traceparent::toString).orElse(null));
    }
}
