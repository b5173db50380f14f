package com.outboxwallet.api.wallet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;

/**
 * @param currency ISO 4217 code of every new wallet
 * @param limits   what one top-up and one balance may reach
 */
@Validated
@ConfigurationProperties("wallet")
public record WalletProperties(@Pattern(regexp = "[A-Z]{3}") String currency, @Valid Limits limits) {

    public WalletProperties {
        currency = currency == null ? "IDR" : currency;
        limits = limits == null ? new Limits(null, null) : limits;
    }

    /**
     * @param maxTopUp       the largest single top-up
     * @param balanceCeiling the largest balance a wallet may hold (the seed's {@code Decimal(10,2)} limit); a top-up
     *                       that would pass it is refused whole
     */
    public record Limits(@DecimalMin("0.01") @Digits(integer = 13, fraction = 2) BigDecimal maxTopUp,
                         @DecimalMin("0.01") @Digits(integer = 13, fraction = 2) BigDecimal balanceCeiling) {

        public Limits {
            maxTopUp = maxTopUp == null ? new BigDecimal("1000000.00") : maxTopUp;
            balanceCeiling = balanceCeiling == null ? new BigDecimal("99999999.99") : balanceCeiling;
        }
    }
}
