package com.outboxwallet.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param topic           the wallet events topic
 * @param deadLetterTopic where records that can never be applied go, with the reason in headers
 * @param operator        the one account that may read the ledger API; no default outside the local profile
 */
@Validated
@ConfigurationProperties("ledger")
public record LedgerProperties(@NotBlank String topic, @NotBlank String deadLetterTopic,
                               @Valid @NotNull Operator operator) {

    public record Operator(
            @NotBlank(message = "set LEDGER_OPERATOR_USERNAME") String username,
            @NotBlank(message = "set LEDGER_OPERATOR_PASSWORD (there is no default)") String password) {
    }
}
