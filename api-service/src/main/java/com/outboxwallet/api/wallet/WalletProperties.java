package com.outboxwallet.api.wallet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * @param currency ISO 4217 code of every new wallet
 * @param limits   what one top-up and one balance may reach
 */
@Validated
@ConfigurationProperties("wallet")
public record WalletProperties(@Pattern(regexp = "[A-Z]{3}") String currency, @Valid Limits limits) {

    public WalletProperties {
        currency = currency == null ? "IDR" : currency;
        limits = limits == null ? new Limits(null, null, null, null, null) : limits;
    }

    /**
     * @param maxTopUp       the largest single top-up
     * @param balanceCeiling the largest balance a wallet may hold (the seed's {@code Decimal(10,2)} limit); a top-up
     *                       that would pass it is refused whole
     * @param dailyAmount    the most one user may top up in a calendar day; none when unset
     * @param dailyCount     the most top-ups one user may make in a calendar day; none when unset
     * @param dayZone        where the calendar day of the daily limits begins and ends
     */
    public record Limits(@DecimalMin("0.01") @Digits(integer = 13, fraction = 2) BigDecimal maxTopUp,
                         @DecimalMin("0.01") @Digits(integer = 13, fraction = 2) BigDecimal balanceCeiling,
                         @DecimalMin("0.01") @Digits(integer = 15, fraction = 2) BigDecimal dailyAmount,
                         @Min(1) Integer dailyCount,
                         ZoneId dayZone) {

        public Limits {
            maxTopUp = maxTopUp == null ? new BigDecimal("1000000.00") : maxTopUp;
            balanceCeiling = balanceCeiling == null ? new BigDecimal("99999999.99") : balanceCeiling;
            dayZone = dayZone == null ? ZoneId.of("Asia/Jakarta") : dayZone;
        }

        public boolean hasDailyLimits() {
            return dailyAmount != null || dailyCount != null;
        }
    }
}
