package com.outboxwallet.api.web;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBodySize    the largest request body accepted; larger ones get 413 unread
 * @param corsOrigins    origins allowed to call the API from a browser; empty (the default) allows none
 */
@Validated
@ConfigurationProperties("wallet.http")
public record HttpProperties(@NotNull DataSize maxBodySize, List<String> corsOrigins) {

    public HttpProperties {
        // An empty list in YAML binds as no value at all.
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
    }
}
