package com.outboxwallet.api.topup;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param direct who may credit a wallet without a payment behind it */
@Validated
@ConfigurationProperties("wallet.top-ups")
public record TopUpProperties(@NotNull DirectTopUps direct) {}
