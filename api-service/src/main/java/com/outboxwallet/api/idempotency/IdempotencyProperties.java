package com.outboxwallet.api.idempotency;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param responseTtl how long Redis keeps a first result for an identical answer to a retry; the database guard never
 *                    expires, so a retry after this still returns the original top-up (rebuilt from the database)
 * @param inFlightTtl how long a claim on a key lasts while its request runs; a process that dies mid-request leaves
 *                    a claim that expires after this, and retries get 409 until then
 */
@Validated
@ConfigurationProperties("wallet.idempotency")
public record IdempotencyProperties(
        @NotNull Duration responseTtl, @NotNull Duration inFlightTtl) {}
