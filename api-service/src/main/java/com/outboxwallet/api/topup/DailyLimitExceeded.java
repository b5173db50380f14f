package com.outboxwallet.api.topup;

import com.outboxwallet.api.Refusal;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The top-up would pass the user's daily amount or count; nothing was written.
 *
 * @param remainingAmount what may still be topped up today; null when the amount is not limited
 * @param remainingCount  how many top-ups may still be made today; null when the count is not limited
 * @param resetsAt        when the next day, and a whole allowance, begins
 */
public class DailyLimitExceeded extends Refusal {

    private final @Nullable BigDecimal remainingAmount;
    private final @Nullable Integer remainingCount;
    private final Instant resetsAt;

    DailyLimitExceeded(@Nullable BigDecimal remainingAmount, @Nullable Integer remainingCount, Instant resetsAt) {
        super("the top-up would pass today's limit"
                + (remainingAmount == null ? "" : "; " + remainingAmount.toPlainString() + " may still be topped up")
                + (remainingCount == null ? "" : "; " + remainingCount + " more top-ups may be made"));
        this.remainingAmount = remainingAmount;
        this.remainingCount = remainingCount;
        this.resetsAt = resetsAt;
    }

    public @Nullable BigDecimal remainingAmount() {
        return remainingAmount;
    }

    public @Nullable Integer remainingCount() {
        return remainingCount;
    }

    public Instant resetsAt() {
        return resetsAt;
    }
}
