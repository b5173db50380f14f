package com.outboxwallet.api.redis;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param url            {@code redis://[user:password@]host:port[/db]} or {@code rediss://} for TLS; a password in it
 *                       is percent-decoded ({@code %40} for {@code @})
 * @param password       the password, when it is not in the URL: any characters, no encoding
 * @param commandTimeout how long a request waits on Redis before carrying on without it
 * @param infoInterval   how often Redis's memory and evictions are read for the metrics ({@link RedisMemoryMetrics})
 */
@Validated
@ConfigurationProperties("wallet.redis")
public record RedisProperties(
        @NotNull URI url,
        String password,
        @NotNull Duration commandTimeout,
        @NotNull Duration infoInterval) {}
