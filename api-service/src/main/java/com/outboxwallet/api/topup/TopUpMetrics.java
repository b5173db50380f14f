package com.outboxwallet.api.topup;

import com.outboxwallet.api.idempotency.IdempotencyKeyReused;
import com.outboxwallet.api.idempotency.RequestInFlight;
import com.outboxwallet.api.topup.strategy.WalletBusy;
import com.outboxwallet.api.wallet.BalanceCeilingExceeded;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@code wallet_topups_seconds{outcome}}: every top-up that reached {@link IdempotentTopUps}, whichever channel it came
 * through, counted and timed by what became of it (a histogram, so its percentiles can be computed). Tagged by outcome
 * only, never by user or wallet. The timers exist from the start, at zero.
 */
@Component
class TopUpMetrics {

    /** What became of a top-up. */
    enum Outcome {
        ACCEPTED,
        REPLAYED,
        KEY_REUSED,
        IN_FLIGHT,
        WALLET_BUSY,
        CEILING_EXCEEDED,
        LIMIT_EXCEEDED,
        FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Outcome of(RuntimeException refusal) {
            return switch (refusal) {
                case IdempotencyKeyReused reused -> KEY_REUSED;
                case RequestInFlight inFlight -> IN_FLIGHT;
                case WalletBusy busy -> WALLET_BUSY;
                case BalanceCeilingExceeded ceiling -> CEILING_EXCEEDED;
                case DailyLimitExceeded limit -> LIMIT_EXCEEDED;
                default -> FAILED;
            };
        }
    }

    private final MeterRegistry meters;
    private final Map<Outcome, Timer> timers = new EnumMap<>(Outcome.class);

    TopUpMetrics(MeterRegistry meters) {
        this.meters = meters;
        Arrays.stream(Outcome.values())
                .forEach(outcome -> timers.put(
                        outcome,
                        Timer.builder("wallet.topups")
                                .description(
                                        "Top-ups by outcome, from the request's arrival at the guard to its answer")
                                .tag("outcome", outcome.tag())
                                .publishPercentileHistogram()
                                .register(meters)));
    }

    TopUpOutcome timed(Supplier<TopUpOutcome> topUp) {
        Timer.Sample sample = Timer.start(meters);
        Outcome outcome = Outcome.FAILED;
        try {
            TopUpOutcome result = topUp.get();
            outcome = result.replayed() ? Outcome.REPLAYED : Outcome.ACCEPTED;
            return result;
        } catch (RuntimeException e) {
            outcome = Outcome.of(e);
            throw e;
        } finally {
            sample.stop(Objects.requireNonNull(timers.get(outcome))); // one timer per Outcome, made up front
        }
    }
}
