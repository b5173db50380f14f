package com.outboxwallet.api.wallet;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param currency ISO 4217 code of every new wallet */
@Validated
@ConfigurationProperties("wallet")
public record WalletProperties(@Pattern(regexp = "[A-Z]{3}") String currency) {

    public WalletProperties {
        currency = currency == null ? "IDR" : currency;
    }
}
