package com.outboxwallet.api.web;

import static java.util.Map.entry;

import com.outboxwallet.api.account.CannotDisableYourself;
import com.outboxwallet.api.account.InvalidPassword;
import com.outboxwallet.api.account.UserNotFound;
import com.outboxwallet.api.account.UsernameTaken;
import com.outboxwallet.api.account.WrongCurrentPassword;
import com.outboxwallet.api.idempotency.IdempotencyKeyReused;
import com.outboxwallet.api.idempotency.InvalidIdempotencyKey;
import com.outboxwallet.api.idempotency.RequestInFlight;
import com.outboxwallet.api.ratelimit.web.RateLimited;
import com.outboxwallet.api.topup.AmountAboveMaximum;
import com.outboxwallet.api.topup.DailyLimitExceeded;
import com.outboxwallet.api.topup.InvalidAmount;
import com.outboxwallet.api.topup.TopUpNotFound;
import com.outboxwallet.api.topup.strategy.WalletBusy;
import com.outboxwallet.api.wallet.BalanceCeilingExceeded;
import com.outboxwallet.api.wallet.WalletNotFound;
import com.outboxwallet.problems.HttpProblem;
import com.outboxwallet.problems.ProblemType;
import java.util.Map;
import java.util.Optional;

/**
 * The one table from the service's refusals to their problem types (and so their statuses), read by the JSON API's
 * handler and the web page alike, so that a refusal means the same status whichever channel it came through.
 */
public final class Refusals {

    private static final Map<Class<? extends RuntimeException>, ProblemType> TYPES = Map.ofEntries(
            entry(InvalidAmount.class, HttpProblem.INVALID_REQUEST),
            entry(AmountAboveMaximum.class, HttpProblem.INVALID_REQUEST),
            entry(InvalidPassword.class, HttpProblem.INVALID_REQUEST),
            entry(InvalidIdempotencyKey.class, ApiProblem.IDEMPOTENCY_KEY_INVALID),
            entry(IdempotencyKeyReused.class, ApiProblem.IDEMPOTENCY_KEY_REUSED),
            entry(RequestInFlight.class, ApiProblem.REQUEST_IN_FLIGHT),
            entry(WalletBusy.class, ApiProblem.WALLET_BUSY),
            entry(BalanceCeilingExceeded.class, ApiProblem.BALANCE_CEILING_EXCEEDED),
            entry(DailyLimitExceeded.class, ApiProblem.LIMIT_EXCEEDED),
            entry(RateLimited.class, HttpProblem.RATE_LIMITED),
            entry(WrongCurrentPassword.class, ApiProblem.CURRENT_PASSWORD_WRONG),
            entry(CannotDisableYourself.class, ApiProblem.SELF_LOCKOUT),
            entry(UsernameTaken.class, ApiProblem.USERNAME_TAKEN),
            entry(WalletNotFound.class, HttpProblem.NOT_FOUND),
            entry(TopUpNotFound.class, HttpProblem.NOT_FOUND),
            entry(UserNotFound.class, HttpProblem.NOT_FOUND));

    private Refusals() {}

    /** @return the problem type of {@code refusal}; empty when it is none of the service's refusals */
    public static Optional<ProblemType> typeOf(Throwable refusal) {
        return Optional.ofNullable(TYPES.get(refusal.getClass()));
    }

    /** The problem type of a refusal this table lists; a handler asks only for the refusals it handles. */
    static ProblemType of(RuntimeException refusal) {
        return typeOf(refusal)
                .orElseThrow(() ->
                        new IllegalStateException(refusal.getClass().getName() + " is not in the table of refusals"));
    }
}
