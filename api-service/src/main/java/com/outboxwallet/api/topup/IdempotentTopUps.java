package com.outboxwallet.api.topup;

import com.outboxwallet.api.idempotency.IdempotencyGuard;
import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.api.idempotency.IdempotencyScope;
import com.outboxwallet.api.idempotency.Idempotent;
import com.outboxwallet.api.idempotency.InvalidIdempotencyKey;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The one way in for a top-up, whichever channel it comes through (the JSON API, the web page): the Redis guard
 * first, which answers a retry from the first result without touching the database, then the top-up itself, whose
 * unique (user, key) constraint is the final guard.
 */
@Service
public class IdempotentTopUps {

    static final String OPERATION = "top-up";

    private final IdempotencyGuard idempotency;
    private final TopUpService topUps;
    private final TopUpMetrics metrics;
    private final DirectTopUps policy;

    IdempotentTopUps(
            IdempotencyGuard idempotency, TopUpService topUps, TopUpMetrics metrics, TopUpProperties properties) {
        this.idempotency = idempotency;
        this.topUps = topUps;
        this.metrics = metrics;
        this.policy = properties.direct();
    }

    /**
     * @return the top-up, new or, when replayed, the one this key made first
     * @throws com.outboxwallet.api.idempotency.IdempotencyKeyReused when the key was used for another amount
     * @throws com.outboxwallet.api.idempotency.RequestInFlight      when the first request with the key still runs
     * @throws InvalidIdempotencyKey when the key is one a settlement's top-up uses
     * @throws DirectTopUpNotAllowed when users may not top up their own wallets ({@code wallet.top-ups.direct})
     * @see TopUpService#topUp(TopUpCommand) for the rest
     */
    public TopUpOutcome topUp(UUID userId, IdempotencyKey key, Amount amount) {
        if (policy != DirectTopUps.USERS) {
            throw new DirectTopUpNotAllowed(policy);
        }
        return direct(userId, key, amount);
    }

    /**
     * An operator's cash-in: a direct top-up of a user's wallet, on the user's behalf. The key is the wallet's, as any
     * top-up's: the operator's retry with it is the same cash-in.
     *
     * @throws DirectTopUpNotAllowed when direct top-ups are off
     * @see #topUp for the rest
     */
    public TopUpOutcome cashIn(UUID userId, IdempotencyKey key, Amount amount) {
        if (policy == DirectTopUps.OFF) {
            throw new DirectTopUpNotAllowed(policy);
        }
        return direct(userId, key, amount);
    }

    private TopUpOutcome direct(UUID userId, IdempotencyKey key, Amount amount) {
        if (FundedTopUps.isReserved(key)) {
            // The key of a settlement's top-up: taken first by a direct top-up, it would stop the settlement.
            throw new InvalidIdempotencyKey(InvalidIdempotencyKey.Reason.RESERVED);
        }
        return metrics.timed(() -> guarded(new TopUpCommand(userId, key, amount)));
    }

    private TopUpOutcome guarded(TopUpCommand command) {
        Idempotent<TopUp> result = idempotency.execute(
                new IdempotencyScope(command.userId(), OPERATION, command.key()),
                command.fingerprint(),
                TopUp.class,
                () -> {
                    TopUpOutcome outcome = topUps.topUp(command);
                    return new Idempotent<>(outcome.topUp(), outcome.replayed());
                },
                () -> topUps.committed(command));
        return new TopUpOutcome(result.value(), result.replayed());
    }
}
