package com.outboxwallet.relay;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

@Validated
@ConfigurationProperties("relay")
public record RelayProperties(@Valid @NotNull Topic topic, @Valid @NotNull Polling polling,
                              @Valid @NotNull CloudEvents cloudEvents) {

    /** The topic is created with these settings when it does not exist; an existing topic is left as it is. */
    public record Topic(@NotBlank String name, @Min(1) int partitions, @Min(1) short replicas) {
    }

    /**
     * @param batchSize  rows claimed, sent and marked per transaction
     * @param interval   pause between polls once the outbox is drained
     * @param maxBackoff longest pause after repeated failures (Kafka or PostgreSQL down)
     */
    public record Polling(@Min(1) @Max(5000) int batchSize, @NotNull Duration interval, @NotNull Duration maxBackoff) {
    }

    /** @param source the CloudEvents {@code source} of every event the relay publishes */
    public record CloudEvents(@NotBlank String source) {
    }
}
