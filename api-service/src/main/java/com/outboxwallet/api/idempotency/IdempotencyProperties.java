package com.outboxwallet.api.idempotency;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/** @param responseTtl how long Redis keeps a first response for replay; the database guard never expires */
@Validated
@ConfigurationProperties("wallet.idempotency")
public record IdempotencyProperties(@NotNull Duration responseTtl) {
}
