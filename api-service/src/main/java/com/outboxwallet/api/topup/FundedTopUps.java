package com.outboxwallet.api.topup;

import com.outboxwallet.api.TimeOrderedIds;
import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.api.wallet.BalanceCeiling;
import com.outboxwallet.api.wallet.Wallet;
import com.outboxwallet.api.wallet.WalletNotFound;
import com.outboxwallet.api.wallet.WalletProperties;
import com.outboxwallet.api.wallet.WalletRepository;
import com.outboxwallet.events.Funding;
import com.outboxwallet.events.TopUpReversed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credits a payment's settlement with the same three writes as every top-up — the balance, the top-up row (naming its
 * payment) and the outbox row (carrying the funding) — inside the caller's transaction: the one that moved the payment
 * to SETTLED, so that the two commit together or not at all. The wallet's row lock orders it with the top-ups of every
 * concurrency strategy; the daily limits were the payment's to check when it was opened.
 */
@Component
public class FundedTopUps {

    /** The top-up a settlement makes uses this key and its payment's id: one payment, one key, one credit. */
    static final String KEY_PREFIX = "payment:";

    private final WalletRepository wallets;
    private final BalanceCeiling ceiling;
    private final TopUpRecords records;
    private final TopUpRepository topUps;

    FundedTopUps(WalletRepository wallets, WalletProperties wallet, TopUpRecords records, TopUpRepository topUps) {
        this.wallets = wallets;
        this.ceiling = BalanceCeiling.of(wallet);
        this.records = records;
        this.topUps = topUps;
    }

    /**
     * The compensation of a reversed funded top-up.
     *
     * @param debited      what the wallet gave back
     * @param balanceAfter the wallet's balance after it
     * @param version      the wallet's version after it: the event's sequence
     */
    public record Compensation(
            UUID id, UUID topUpId, UUID walletId, BigDecimal debited, BigDecimal balanceAfter, long version) {}

    /**
     * Compensates a reversed funded top-up in the caller's transaction: the wallet gives back what it can, never
     * below zero, and the event says what it gave and what it could not (the shortfall).
     *
     * @param amount what the provider took back
     * @param reason the provider's word for it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Compensation reverse(BigDecimal amount, String reason, Funding funding, Instant at) {
        TopUp topUp = topUps.findByPayment(funding.paymentId())
                .orElseThrow(() -> new IllegalStateException("payment " + funding.paymentId() + " credited no top-up"));
        Wallet locked =
                wallets.findByUserIdForUpdate(topUp.userId()).orElseThrow(() -> new WalletNotFound(topUp.userId()));
        BigDecimal debited = locked.balance().min(amount);
        Wallet debitedWallet = wallets.writeIfUnchanged(locked, locked.balance().subtract(debited), at)
                .orElseThrow(() -> new IllegalStateException("wallet changed under its row lock"));
        Compensation compensation = new Compensation(
                TimeOrderedIds.next(),
                topUp.id(),
                topUp.walletId(),
                debited,
                debitedWallet.balance(),
                debitedWallet.version());
        records.appendReversal(new TopUpReversed(
                compensation.id(),
                topUp.id(),
                topUp.walletId(),
                topUp.userId(),
                amount,
                debited,
                debitedWallet.currency(),
                debitedWallet.balance(),
                debitedWallet.version(),
                reason,
                at,
                funding));
        return compensation;
    }

    /** Whether a client's key is one of the keys settlements use, which no direct top-up may take. */
    static boolean isReserved(IdempotencyKey key) {
        return key.value().startsWith(KEY_PREFIX);
    }

    /**
     * @return the top-up that credited the payment
     * @throws com.outboxwallet.api.wallet.BalanceCeilingExceeded when the balance would pass the ceiling; the
     *     caller's transaction must roll back
     * @throws WalletNotFound when the user has no wallet
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public TopUp credit(UUID userId, Amount amount, Funding funding, Instant at) {
        Wallet locked = wallets.findByUserIdForUpdate(userId).orElseThrow(() -> new WalletNotFound(userId));
        BigDecimal raised = ceiling.raise(locked.balance(), amount.value());
        Wallet credited = wallets.writeIfUnchanged(locked, raised, at)
                .orElseThrow(() -> new IllegalStateException("wallet changed under its row lock"));
        TopUpCommand command = new TopUpCommand(userId, new IdempotencyKey(KEY_PREFIX + funding.paymentId()), amount);
        TopUp topUp = records.of(command, credited, at, funding.paymentId());
        records.write(topUp, funding);
        return topUp;
    }
}
