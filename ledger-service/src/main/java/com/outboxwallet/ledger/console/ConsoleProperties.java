package com.outboxwallet.ledger.console;

import com.outboxwallet.process.ConditionalOnServing;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The operator console's settings; their defaults are in {@code ledger-service.yml}. Bound only when the web server
 * runs, like the operator account: an operator command shows no page.
 *
 * @param relayMetricsUrl where the console reads the relay's figures: the outbox-relay's open
 *                        {@code /actuator/prometheus}. Over HTTP, because the ledger may not read the relay's tables
 *                        (ArchitectureTest, and the relay's database is not the ledger's)
 * @param relayTimeout    how long the page waits for the relay, connecting and answering together; past it the page
 *                        says "relay unreachable" instead of hanging with it
 */
@Validated
@ConditionalOnServing
@ConfigurationProperties("ledger.console")
public record ConsoleProperties(
        @NotNull URI relayMetricsUrl, @NotNull Duration relayTimeout) {}
