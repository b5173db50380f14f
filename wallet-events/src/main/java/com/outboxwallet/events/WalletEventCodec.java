package com.outboxwallet.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of wallet events, shared by the producer and every consumer so both sides agree byte for byte:
 * amounts as strings (exact, never a binary float), times as ISO-8601 UTC.
 */
public final class WalletEventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Tolerant reader: a newer producer may add fields; consumers of v1 ignore them.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public String toJson(TopUpAccepted event) {
        return mapper.writeValueAsString(event);
    }

    public TopUpAccepted topUpAccepted(byte[] json) {
        try {
            return mapper.readValue(json, TopUpAccepted.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidWalletEvent("not a valid " + TopUpAccepted.TYPE + " payload: " + e.getMessage(), e);
        }
    }
}
