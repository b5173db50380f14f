package com.outboxwallet.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The ledger's settings; their defaults are in {@code ledger-service.yml}.
 *
 * @param topic               the wallet events topic
 * @param deadLetterTopic     where records the ledger will not apply go, with the reason in headers
 * @param deadLetterRetention how long the dead-letter topic keeps a record; unset, for ever
 * @param trustedSources      the {@code ce_source} of every producer whose events the ledger applies; a record from
 *                            any other is set aside
 * @param retry               how a batch that failed for an infrastructure reason is retried: without limit
 */
@Validated
@ConfigurationProperties("ledger")
public record LedgerProperties(
        @NotBlank String topic,
        @NotBlank String deadLetterTopic,
        @Nullable Duration deadLetterRetention,
        @NotEmpty Set<@NotBlank String> trustedSources,
        @NotNull @Valid Retry retry) {

    /**
     * Exponential back-off between attempts, from {@code initialInterval}, doubling, capped at {@code maxInterval}.
     */
    public record Retry(
            @NotNull Duration initialInterval, @NotNull Duration maxInterval) {}
}
