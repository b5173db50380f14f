package com.outboxwallet.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The ledger's settings; their defaults are in {@code ledger-service.yml}.
 *
 * @param topic           the wallet events topic
 * @param deadLetterTopic where records that can never be applied go, with the reason in headers
 * @param retry           how a batch that failed for an infrastructure reason is retried: without limit
 */
@Validated
@ConfigurationProperties("ledger")
public record LedgerProperties(
        @NotBlank String topic,
        @NotBlank String deadLetterTopic,
        @NotNull @Valid Retry retry) {

    /**
     * Exponential back-off between attempts, from {@code initialInterval}, doubling, capped at {@code maxInterval}.
     */
    public record Retry(
            @NotNull Duration initialInterval, @NotNull Duration maxInterval) {}
}
