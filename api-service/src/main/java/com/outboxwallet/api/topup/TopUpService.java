package com.outboxwallet.api.topup;

import com.outboxwallet.api.idempotency.IdempotencyKeyReused;
import com.outboxwallet.api.wallet.BalanceCeilingExceeded;
import com.outboxwallet.api.wallet.WalletNotFound;
import com.outboxwallet.api.wallet.WalletProperties;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Applies a top-up: the balance change, the top-up row and the outbox row commit together or not at all, in one
 * PostgreSQL transaction run by the configured {@link TopUpTransaction}. Idempotency rests on the
 * top_ups_user_key_uq constraint, never on a prior look-up.
 */
@Service
public class TopUpService {

    private final TopUpTransaction transaction;
    private final BigDecimal maxTopUp;
    private final TopUpRepository topUps;

    public TopUpService(TopUpTransaction transaction, WalletProperties wallet, TopUpRepository topUps) {
        this.transaction = transaction;
        this.maxTopUp = wallet.limits().maxTopUp();
        this.topUps = topUps;
    }

    /**
     * @throws AmountAboveMaximum     when the amount is above the per-top-up maximum
     * @throws IdempotencyKeyReused   when the key was used before for another amount
     * @throws WalletNotFound         when the user has no wallet
     * @throws BalanceCeilingExceeded when the balance would pass the ceiling
     * @throws DailyLimitExceeded     when the user's top-ups of the day would pass a daily limit
     * @throws com.outboxwallet.api.topup.strategy.WalletBusy when the concurrency strategy gave up waiting for the
     *                                wallet
     */
    public TopUpOutcome topUp(TopUpCommand command) {
        if (command.amount().value().compareTo(maxTopUp) > 0) {
            throw new AmountAboveMaximum(maxTopUp);
        }
        try {
            return new TopUpOutcome(transaction.apply(command), false);
        } catch (DuplicateTopUpRequest alreadyApplied) {
            // Nothing of this command was written; the original top-up is committed and is the answer.
            return original(command)
                    .orElseThrow(() -> new IllegalStateException("unique violation without a committed row"));
        } catch (BalanceCeilingExceeded refused) {
            // A retry of a top-up that filled the wallet meets the ceiling before the unique key: it is still a retry.
            return original(command).orElseThrow(() -> refused);
        } catch (DailyLimitExceeded refused) {
            // Likewise a retry of the top-up that used up the day's allowance: a replay, never counted again.
            return original(command).orElseThrow(() -> refused);
        }
    }

    /**
     * @return the top-up this command's key already made, if it committed
     * @throws IdempotencyKeyReused when the key made a top-up of another amount
     */
    public Optional<TopUp> committed(TopUpCommand command) {
        return original(command).map(TopUpOutcome::topUp);
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
}
