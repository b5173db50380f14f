package com.outboxwallet.api.topup;

import com.outboxwallet.api.wallet.WalletProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The daily limits, enforced inside the top-up's transaction. Every concurrency strategy holds the user's wallet row
 * locked when it asks (the one wallet of the user is the lock every top-up of that user takes), so the totals read
 * here are the committed ones and nobody else writes them before this transaction ends: concurrent top-ups can never
 * pass a limit together. A replayed top-up writes nothing, so it never counts twice. Without limits configured
 * nothing is read or written.
 */
@Component
public class DailyLimits {

    private final JdbcClient jdbc;
    private final WalletProperties.Limits limits;

    DailyLimits(JdbcClient jdbc, WalletProperties wallet) {
        this.jdbc = jdbc;
        this.limits = wallet.limits();
    }

    /** The user's totals of the day {@code at} falls on; call it with the user's wallet row locked. */
    public DailyTotals today(UUID userId, Instant at) {
        LocalDate day = at.atZone(limits.dayZone()).toLocalDate();
        Instant resetsAt = day.plusDays(1).atStartOfDay(limits.dayZone()).toInstant();
        if (!limits.hasDailyLimits()) {
            return new DailyTotals(userId, day, resetsAt, BigDecimal.ZERO, 0, limits);
        }
        return jdbc.sql("SELECT amount, count FROM daily_top_up_totals WHERE user_id = :userId AND day = :day")
                .param("userId", userId)
                .param("day", day)
                .query((rs, n) ->
                        new DailyTotals(userId, day, resetsAt, rs.getBigDecimal("amount"), rs.getInt("count"), limits))
                .optional()
                .orElseGet(() -> new DailyTotals(userId, day, resetsAt, BigDecimal.ZERO, 0, limits));
    }

    /** Keeps the totals as they are with this transaction's top-ups; call it with the user's wallet row locked. */
    public void save(DailyTotals totals) {
        if (!limits.hasDailyLimits()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO daily_top_up_totals (user_id, day, amount, count) VALUES (:userId, :day, :amount, :count)
                        ON CONFLICT (user_id, day) DO UPDATE SET amount = EXCLUDED.amount, count = EXCLUDED.count""")
                .param("userId", totals.userId())
                .param("day", totals.day())
                .param("amount", totals.amount())
                .param("count", totals.count())
                .update();
    }

    /**
     * One top-up's share: refused when it does not fit, counted when it does.
     *
     * @throws DailyLimitExceeded when it does not fit; the caller's transaction must roll back its credit
     */
    public void take(UUID userId, BigDecimal amount, Instant at) {
        if (!limits.hasDailyLimits()) {
            return;
        }
        DailyTotals today = today(userId, at);
        today.refusal(amount).ifPresent(refused -> {
            throw refused;
        });
        save(today.plus(amount));
    }
}
