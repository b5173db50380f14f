package com.outboxwallet.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of wallet events, shared by the producer and every consumer so both sides agree byte for byte:
 * amounts as strings (exact, never a binary float), times as ISO-8601 UTC.
 *
 * <p>Reading trusts nothing: the document is bounded (size, depth, string and number lengths), each field is checked
 * for its JSON type and form before it becomes a value, and an amount is matched as text before it becomes a
 * {@link BigDecimal}, so no value makes the reader do work that grows with an exponent. Fields it does not know are
 * ignored (a newer producer may add some within a version); a field given twice is refused.
 */
public final class WalletEventCodec {

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private static final StreamReadConstraints BOUNDS = StreamReadConstraints.builder()
            .maxDocumentLength(WalletEventContract.MAX_PAYLOAD_BYTES)
            .maxNestingDepth(16)
            .maxStringLength(WalletEventContract.MAX_PAYLOAD_BYTES)
            .maxNameLength(256)
            .maxNumberLength(32)
            .maxTokenCount(4096)
            .build();

    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(BOUNDS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public String toJson(TopUpAccepted event) {
        return mapper.writeValueAsString(event);
    }

    public String toJson(TopUpReversed event) {
        return mapper.writeValueAsString(event);
    }

    /** @throws InvalidWalletEvent when the bytes are not a {@link TopUpReversed} of the contract */
    public TopUpReversed topUpReversed(byte[] json) {
        JsonNode payload = payload(json, TopUpReversed.TYPE);
        Funding funding = funding(payload);
        if (funding == null) {
            throw new InvalidWalletEvent(Violation.MALFORMED_PAYLOAD, "a reversal names its funding");
        }
        return new TopUpReversed(
                uuid(payload, "reversalId"),
                uuid(payload, "topUpId"),
                uuid(payload, "walletId"),
                uuid(payload, "userId"),
                amount(payload, "amount"),
                amount(payload, "debited"),
                text(payload, "currency"),
                amount(payload, "balanceAfter"),
                sequence(payload),
                text(payload, "reason"),
                instant(payload, "occurredAt"),
                funding);
    }

    /** @throws InvalidWalletEvent when the bytes are not a {@link TopUpAccepted} of the contract */
    public TopUpAccepted topUpAccepted(byte[] json) {
        JsonNode payload = payload(json, TopUpAccepted.TYPE);
        return new TopUpAccepted(
                uuid(payload, "topUpId"),
                uuid(payload, "walletId"),
                uuid(payload, "userId"),
                amount(payload, "amount"),
                text(payload, "currency"),
                amount(payload, "balanceAfter"),
                sequence(payload),
                instant(payload, "occurredAt"),
                funding(payload));
    }

    /** The bytes as one bounded JSON object, or why they are not one. */
    private JsonNode payload(byte[] json, String type) {
        if (json.length > WalletEventContract.MAX_PAYLOAD_BYTES) {
            throw new InvalidWalletEvent(
                    Violation.OVERSIZED,
                    "payload of " + json.length + " bytes; at most " + WalletEventContract.MAX_PAYLOAD_BYTES);
        }
        JsonNode payload;
        try {
            payload = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidWalletEvent(
                    Violation.MALFORMED_PAYLOAD,
                    "payload is not JSON of " + type + ": " + firstLine(e.getOriginalMessage()),
                    e);
        }
        if (payload == null || !payload.isObject()) {
            throw new InvalidWalletEvent(Violation.MALFORMED_PAYLOAD, "payload must be a JSON object");
        }
        return payload;
    }

    private static @Nullable Funding funding(JsonNode payload) {
        JsonNode funding = payload.get("funding");
        if (funding == null || funding.isNull()) {
            return null;
        }
        if (!funding.isObject()) {
            throw new InvalidWalletEvent(Violation.MALFORMED_PAYLOAD, "funding must be a JSON object when present");
        }
        return new Funding(
                uuid(funding, "paymentId"), text(funding, "provider"), text(funding, "providerTransactionId"));
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value == null || !value.isString()) {
            throw new InvalidWalletEvent(
                    Violation.MALFORMED_PAYLOAD,
                    field + " must be a JSON string"
                            + (value == null ? "; it is missing" : ", not " + value.getNodeType()));
        }
        return value.stringValue();
    }

    private static UUID uuid(JsonNode payload, String field) {
        return uuid(field, text(payload, field));
    }

    static UUID uuid(String field, String text) {
        if (!WalletEventContract.UUID_FORM.matcher(text).matches()) {
            throw new InvalidWalletEvent(
                    Violation.MALFORMED_PAYLOAD,
                    field + " must be a UUID such as 2f0c0e4a-…, not '" + WalletEventContract.excerpt(text) + "'");
        }
        return UUID.fromString(text);
    }

    private static BigDecimal amount(JsonNode payload, String field) {
        String text = text(payload, field);
        if (!WalletEventContract.AMOUNT.matcher(text).matches()) {
            throw new InvalidWalletEvent(
                    Violation.INVALID_AMOUNT,
                    field + " must be a plain decimal string such as \"150000.00\" (at most "
                            + WalletEventContract.MAX_AMOUNT_INTEGER_DIGITS + " integer and "
                            + WalletEventContract.MAX_AMOUNT_FRACTION_DIGITS + " fraction digits, no sign, no"
                            + " exponent), not '" + WalletEventContract.excerpt(text) + "'");
        }
        return new BigDecimal(text);
    }

    private static long sequence(JsonNode payload) {
        JsonNode value = payload.get("sequence");
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidWalletEvent(
                    Violation.MALFORMED_PAYLOAD, "sequence must be a JSON integer from 1 to 2^63-1");
        }
        return value.longValue();
    }

    private static Instant instant(JsonNode payload, String field) {
        return instant(field, text(payload, field), Violation.MALFORMED_PAYLOAD);
    }

    static Instant instant(String field, String text, Violation violation) {
        try {
            Instant instant = Instant.parse(text);
            if (instant.isBefore(WalletEventContract.EARLIEST) || instant.isAfter(WalletEventContract.LATEST)) {
                throw new InvalidWalletEvent(violation, field + " must lie between 1970 and 9999, not " + text);
            }
            return instant;
        } catch (DateTimeException e) {
            throw new InvalidWalletEvent(
                    violation,
                    field + " must be an ISO-8601 instant such as 2026-11-25T06:28:50.570430Z, not '"
                            + WalletEventContract.excerpt(text) + "'",
                    e);
        }
    }

    private static String firstLine(String message) {
        return WalletEventContract.excerpt(LINE_BREAK.split(message, 2)[0], 200);
    }
}
