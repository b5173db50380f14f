package com.outboxwallet.ledger.web;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The one account that may read the ledger API and the metrics; no default outside the local profile. Bound only
 * when the web server runs: an operator command, run from a shell, needs no one to log in.
 */
@Validated
@ConditionalOnWebApplication
@ConfigurationProperties("ledger.operator")
record OperatorProperties(
        @NotBlank(message = "set LEDGER_OPERATOR_USERNAME") String username,
        @NotBlank(message = "set LEDGER_OPERATOR_PASSWORD (there is no default)") String password) {
}
