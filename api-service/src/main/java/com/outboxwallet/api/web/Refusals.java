package com.outboxwallet.api.web;

import com.outboxwallet.api.Refusal;
import com.outboxwallet.api.account.CannotDisableYourself;
import com.outboxwallet.api.account.InvalidPassword;
import com.outboxwallet.api.account.UserNotFound;
import com.outboxwallet.api.account.UsernameTaken;
import com.outboxwallet.api.account.WrongCurrentPassword;
import com.outboxwallet.api.idempotency.IdempotencyKeyReused;
import com.outboxwallet.api.idempotency.InvalidIdempotencyKey;
import com.outboxwallet.api.idempotency.RequestInFlight;
import com.outboxwallet.api.idempotency.web.IdempotentAnswers;
import com.outboxwallet.api.payment.InvalidPaymentMethod;
import com.outboxwallet.api.payment.NotificationRejected;
import com.outboxwallet.api.payment.NotificationsRateLimited;
import com.outboxwallet.api.payment.PaymentNotFound;
import com.outboxwallet.api.payment.PaymentProviderUnavailable;
import com.outboxwallet.api.ratelimit.RateLimited;
import com.outboxwallet.api.topup.AmountAboveMaximum;
import com.outboxwallet.api.topup.DailyLimitExceeded;
import com.outboxwallet.api.topup.DirectTopUpNotAllowed;
import com.outboxwallet.api.topup.InvalidAmount;
import com.outboxwallet.api.topup.TopUpNotFound;
import com.outboxwallet.api.topup.strategy.WalletBusy;
import com.outboxwallet.api.wallet.BalanceCeilingExceeded;
import com.outboxwallet.api.wallet.WalletNotFound;
import com.outboxwallet.problems.HttpProblem;
import com.outboxwallet.problems.ProblemType;
import com.outboxwallet.problems.Problems;
import com.outboxwallet.problems.Problems.FieldError;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.ProblemDetail;

/**
 * The one table of the service's refusals: each one's problem type (and so its status, and whether it says when to
 * retry) and the problem it is answered with: the field at fault and what was expected. The JSON API answers every
 * refusal from it; the web page takes the same status from it, so a refusal means the same whichever channel it came
 * through. A refusal missing here fails {@code RefusalsTest}, not a client.
 */
public final class Refusals {

    private static final String IDEMPOTENCY_KEY = IdempotentAnswers.IDEMPOTENCY_KEY;

    private static final Map<Class<?>, Answer<?>> ANSWERS = Stream.of(
                    answer(
                            InvalidAmount.class,
                            HttpProblem.INVALID_REQUEST,
                            (type, e) -> Problems.withErrors(
                                    type,
                                    "The request body has invalid fields.",
                                    List.of(new FieldError("amount", e.expected())))),
                    answer(
                            AmountAboveMaximum.class,
                            HttpProblem.INVALID_REQUEST,
                            (type, e) -> Problems.withField(
                                    type,
                                    e.getMessage() + ".",
                                    "amount",
                                    "at most " + e.maximum().toPlainString())),
                    answer(
                            InvalidPassword.class,
                            HttpProblem.INVALID_REQUEST,
                            (type, e) -> Problems.withErrors(
                                    type,
                                    e.getMessage() + " Nothing was changed.",
                                    List.of(new FieldError(e.field(), e.expected())))),
                    answer(
                            InvalidIdempotencyKey.class,
                            ApiProblem.IDEMPOTENCY_KEY_INVALID,
                            (type, e) -> Problems.withField(
                                    type,
                                    e.getMessage(),
                                    IDEMPOTENCY_KEY,
                                    e.reason().expected())),
                    answer(
                            IdempotencyKeyReused.class,
                            ApiProblem.IDEMPOTENCY_KEY_REUSED,
                            (type, e) -> Problems.withField(
                                    type,
                                    e.getMessage(),
                                    IDEMPOTENCY_KEY,
                                    "a new key for a new request; the same key only to retry the same request")),
                    answer(
                            RequestInFlight.class,
                            ApiProblem.REQUEST_IN_FLIGHT,
                            (type, e) -> Problems.withField(
                                    type,
                                    e.getMessage(),
                                    IDEMPOTENCY_KEY,
                                    "the same request again once the first has answered")),
                    answer(
                            WalletBusy.class,
                            ApiProblem.WALLET_BUSY,
                            (type, e) -> Problems.of(
                                    type,
                                    e.getMessage()
                                            + ". Nothing was written; retry the same request with the same Idempotency-Key.")),
                    answer(
                            BalanceCeilingExceeded.class,
                            ApiProblem.BALANCE_CEILING_EXCEEDED,
                            (type, e) -> Problems.withField(
                                    type,
                                    e.getMessage() + "; nothing was written.",
                                    "amount",
                                    "an amount that keeps the balance at most "
                                            + e.ceiling().toPlainString())),
                    answer(DailyLimitExceeded.class, ApiProblem.LIMIT_EXCEEDED, Refusals::dailyLimit),
                    answer(RateLimited.class, HttpProblem.RATE_LIMITED, (type, e) -> {
                        ProblemDetail problem = Problems.of(type, "Too many requests: " + e.getMessage() + ".");
                        problem.setProperty("violatedPolicies", List.of("per-user"));
                        return problem;
                    }),
                    answer(
                            WrongCurrentPassword.class,
                            ApiProblem.CURRENT_PASSWORD_WRONG,
                            (type, e) -> Problems.withField(
                                    type, e.getMessage(), "currentPassword", "the password you log in with now")),
                    answer(CannotDisableYourself.class, ApiProblem.SELF_LOCKOUT, Refusals::said),
                    answer(
                            UsernameTaken.class,
                            ApiProblem.USERNAME_TAKEN,
                            (type, e) -> Problems.withField(type, e.getMessage(), "username", "a username not in use")),
                    answer(WalletNotFound.class, HttpProblem.NOT_FOUND, Refusals::said),
                    answer(TopUpNotFound.class, HttpProblem.NOT_FOUND, Refusals::said),
                    answer(UserNotFound.class, HttpProblem.NOT_FOUND, Refusals::said),
                    answer(DirectTopUpNotAllowed.class, ApiProblem.DIRECT_TOP_UP_NOT_ALLOWED, Refusals::said),
                    answer(PaymentNotFound.class, HttpProblem.NOT_FOUND, Refusals::said),
                    answer(NotificationsRateLimited.class, HttpProblem.RATE_LIMITED, (type, e) -> {
                        ProblemDetail problem = Problems.of(type, "Too many notifications: " + e.getMessage() + ".");
                        problem.setProperty("violatedPolicies", List.of("per-address"));
                        return problem;
                    }),
                    answer(
                            InvalidPaymentMethod.class,
                            HttpProblem.INVALID_REQUEST,
                            (type, e) -> Problems.withErrors(
                                    type, e.getMessage(), List.of(new FieldError("method", e.expected())))),
                    answer(PaymentProviderUnavailable.class, ApiProblem.PAYMENT_PROVIDER_UNAVAILABLE, Refusals::said),
                    answer(
                            NotificationRejected.BadSignature.class,
                            ApiProblem.NOTIFICATION_SIGNATURE_INVALID,
                            (type, e) -> Problems.of(type, "The notification's signature is not the provider's.")),
                    answer(
                            NotificationRejected.Malformed.class,
                            HttpProblem.INVALID_REQUEST,
                            (type, e) -> Problems.of(type, "Not a notification of the provider: " + e.getMessage())))
            .collect(Collectors.toUnmodifiableMap(Answer::refusal, Function.identity()));

    private Refusals() {}

    /** @return the problem type {@code refusal} is answered with */
    public static ProblemType typeOf(Refusal refusal) {
        return answerTo(refusal).type();
    }

    /** @return the problem {@code refusal} is answered with */
    static ProblemDetail problem(Refusal refusal) {
        return answerTo(refusal).problem(refusal);
    }

    /** Every refusal the table answers, for the test that holds it complete. */
    static List<Class<?>> refusals() {
        return List.copyOf(ANSWERS.keySet());
    }

    private static Answer<?> answerTo(Refusal refusal) {
        Answer<?> answer = ANSWERS.get(refusal.getClass());
        if (answer == null) {
            throw new IllegalStateException(refusal.getClass().getName() + " is not in the table of refusals");
        }
        return answer;
    }

    /** What is left of the day's allowance goes with the refusal, so a client can offer the user what still fits. */
    private static ProblemDetail dailyLimit(ProblemType type, DailyLimitExceeded e) {
        ProblemDetail problem = Problems.withField(
                type,
                "The top-up would pass today's limit; nothing was written.",
                "amount",
                "at most the remaining amount, once the remaining count allows");
        if (e.remainingAmount() != null) {
            problem.setProperty("remainingAmount", e.remainingAmount().toPlainString());
        }
        if (e.remainingCount() != null) {
            problem.setProperty("remainingCount", e.remainingCount());
        }
        problem.setProperty("resetsAt", e.resetsAt().toString());
        return problem;
    }

    /** A refusal whose message says all there is, with no one field at fault. */
    private static ProblemDetail said(ProblemType type, Refusal e) {
        return Problems.of(type, e.getMessage());
    }

    private static <E extends Refusal> Answer<E> answer(
            Class<E> refusal, ProblemType type, BiFunction<ProblemType, ? super E, ProblemDetail> problem) {
        return new Answer<>(refusal, type, problem);
    }

    private record Answer<E extends Refusal>(
            Class<E> refusal, ProblemType type, BiFunction<ProblemType, ? super E, ProblemDetail> problem) {

        ProblemDetail problem(Refusal thrown) {
            return problem.apply(type, refusal.cast(thrown));
        }
    }
}
