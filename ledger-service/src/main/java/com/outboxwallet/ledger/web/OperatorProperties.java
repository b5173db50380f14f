package com.outboxwallet.ledger.web;

import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
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

        @NotBlank(message = "set LEDGER_OPERATOR_PASSWORD (there is no default)")
        String password) {

    /** bcrypt reads 72 bytes at most, and Spring's encoder refuses more: say which setting, not bcrypt's message. */
    static final int MAX_PASSWORD_BYTES = 72;

    OperatorProperties {
        if (password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("ledger.operator.password (LEDGER_OPERATOR_PASSWORD) must be at most "
                    + MAX_PASSWORD_BYTES + " bytes in UTF-8: bcrypt reads no more");
        }
    }
}
