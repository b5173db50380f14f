package com.outboxwallet.ledger;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param topic           the wallet events topic
 * @param deadLetterTopic where records that can never be applied go, with the reason in headers
 */
@Validated
@ConfigurationProperties("ledger")
public record LedgerProperties(@NotBlank String topic, @NotBlank String deadLetterTopic) {
}
