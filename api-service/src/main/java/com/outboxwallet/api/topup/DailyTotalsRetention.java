package com.outboxwallet.api.topup;

import com.outboxwallet.api.scheduling.RepeatingWork;
import com.outboxwallet.api.wallet.WalletProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes the daily totals of days long past. A daily limit reads only the row of the user's current day (in
 * {@code wallet.limits.day-zone}), so no guarantee rests on older rows: they are kept
 * {@code wallet.limits.daily-totals-kept} (7 days) for whoever looks, then deleted in batches, every hour, by every
 * instance (deleting what another instance deleted is nothing). Without it the table grows by a row per active user
 * per day, for ever.
 */
@Component
class DailyTotalsRetention extends RepeatingWork {

    static final int BATCH = 10_000;
    private static final Duration EVERY = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(DailyTotalsRetention.class);

    private final JdbcClient jdbc;
    private final WalletProperties.Limits limits;
    private final Clock clock;

    DailyTotalsRetention(JdbcClient jdbc, WalletProperties wallet) {
        super("daily-totals-retention", EVERY, EVERY);
        this.jdbc = jdbc;
        this.limits = wallet.limits();
        this.clock = Clock.systemUTC();
    }

    /** Deletes the totals of days before the kept ones; returns how many rows went. */
    int deleteExpired() {
        LocalDate firstKept = LocalDate.now(clock.withZone(limits.dayZone()))
                .minusDays(limits.dailyTotalsKept().toDays());
        int deleted = 0;
        int batch;
        do {
            batch = jdbc.sql("""
                            DELETE FROM daily_top_up_totals WHERE (user_id, day) IN (
                                SELECT user_id, day FROM daily_top_up_totals WHERE day < :firstKept LIMIT :batch)""")
                    .param("firstKept", firstKept)
                    .param("batch", BATCH)
                    .update();
            deleted += batch;
        } while (batch == BATCH);
        return deleted;
    }

    @Override
    protected void runOnce() {
        try {
            int deleted = deleteExpired();
            if (deleted > 0) {
                log.info("Deleted the daily totals of {} user-days older than {}", deleted, limits.dailyTotalsKept());
            }
        } catch (RuntimeException e) {
            // Tried again at the next run: a scheduled task that throws is never run again.
            log.warn("Deleting old daily totals failed: {}", e.getMessage());
        }
    }
}
