package com.outboxwallet.api.topup;

import com.outboxwallet.api.wallet.WalletProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's top-ups of one calendar day, and the rule of the daily limits: a top-up fits when the day's amount and
 * count with it stay within {@code wallet.limits.daily-amount} and {@code daily-count}.
 */
public record DailyTotals(
        UUID userId, LocalDate day, Instant resetsAt, BigDecimal amount, int count, WalletProperties.Limits limits) {

    /** @return why {@code more} does not fit today, or empty when it does */
    public Optional<DailyLimitExceeded> refusal(BigDecimal more) {
        boolean amountPassed = limits.dailyAmount() != null && amount.add(more).compareTo(limits.dailyAmount()) > 0;
        boolean countPassed = limits.dailyCount() != null && count + 1 > limits.dailyCount();
        if (!amountPassed && !countPassed) {
            return Optional.empty();
        }
        return Optional.of(new DailyLimitExceeded(
                limits.dailyAmount() == null
                        ? null
                        : limits.dailyAmount().subtract(amount).max(BigDecimal.ZERO),
                limits.dailyCount() == null ? null : Math.max(0, limits.dailyCount() - count),
                resetsAt));
    }

    public DailyTotals plus(BigDecimal more) {
        return new DailyTotals(userId, day, resetsAt, amount.add(more), count + 1, limits);
    }
}
