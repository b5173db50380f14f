package com.outboxwallet.ledger.reconcile;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The api-service's database, which only {@code reconcile} reads, read-only
 * ({@code RECONCILE_WALLET_DATASOURCE_URL}, {@code _USERNAME}, {@code _PASSWORD}). Unset everywhere else.
 */
@Validated
@ConfigurationProperties("reconcile.wallet.datasource")
public record WalletDatabaseProperties(
        @Pattern(regexp = URL) String url, String username, String password) {

    /** A PostgreSQL JDBC URL, the only database reconcile reads. */
    static final String URL = "jdbc:postgresql:.+";
}
