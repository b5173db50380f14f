package com.outboxwallet.api.wallet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param currency ISO 4217 code of every new wallet
 * @param limits   what one top-up and one balance may reach
 */
@Validated
@ConfigurationProperties("wallet")
public record WalletProperties(
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @Valid @NotNull Limits limits) {

    /**
     * @param maxTopUp       the largest single top-up
     * @param balanceCeiling the largest balance a wallet may hold (the seed's {@code Decimal(10,2)} limit); a top-up
     *                       that would pass it is refused whole
     * @param dailyAmount    the most one user may top up in a calendar day; none when unset
     * @param dailyCount     the most top-ups one user may make in a calendar day; none when unset
     * @param dayZone        where the calendar day of the daily limits begins and ends
     * @param dailyTotalsKept how long the daily totals of past days are kept before they are deleted
     */
    public record Limits(
            @NotNull @DecimalMin("0.01") @Digits(integer = 13, fraction = 2)
            BigDecimal maxTopUp,

            @NotNull @DecimalMin("0.01") @Digits(integer = 13, fraction = 2)
            BigDecimal balanceCeiling,

            @DecimalMin("0.01") @Digits(integer = 15, fraction = 2) @Nullable
            BigDecimal dailyAmount,

            @Min(1) @Nullable Integer dailyCount,
            @NotNull ZoneId dayZone,
            @NotNull Duration dailyTotalsKept) {

        public Limits {
            if (dailyTotalsKept != null && dailyTotalsKept.compareTo(Duration.ofDays(1)) < 0) {
                throw new IllegalArgumentException(
                        "wallet.limits.daily-totals-kept must be at least 1d: the current day's totals are the limit");
            }
        }

        public boolean hasDailyLimits() {
            return dailyAmount != null || dailyCount != null;
        }
    }
}
