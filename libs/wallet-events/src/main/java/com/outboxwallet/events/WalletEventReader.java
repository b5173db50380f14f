package com.outboxwallet.events;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * The consumer's edge: reads a record of a wallet topic as an event of the contract, or says exactly why it is not
 * one ({@link InvalidWalletEvent} with a {@link Violation}). Every record is treated as hostile until it passes:
 * sizes first, then each header the contract reads (present, given once, UTF-8, of its form), then the type and the
 * producer, then the payload of the type, then that the parts agree (the key is the payload's wallet, the header
 * sequence the payload's). It throws nothing else, whatever the record holds.
 */
public final class WalletEventReader {

    private static final Pattern SEQUENCE = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]+");
    private static final Pattern JSON_CONTENT_TYPE = Pattern.compile("application/json(\\s*;.*)?");

    private final Set<String> trustedSources;
    private final WalletEventCodec codec = new WalletEventCodec();

    /** @param trustedSources the {@code ce_source} values of the producers this consumer accepts events from */
    public WalletEventReader(Set<String> trustedSources) {
        if (trustedSources.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted ce_source is needed");
        }
        this.trustedSources = Set.copyOf(trustedSources);
    }

    /** @throws InvalidWalletEvent when the record is not a valid event of the contract */
    public WalletEvent read(ConsumerRecord<String, byte[]> record) {
        try {
            return readChecked(record);
        } catch (InvalidWalletEvent e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // Nothing above should throw anything else; if it does, the record is still what made it.
            throw new InvalidWalletEvent(
                    Violation.MALFORMED_PAYLOAD,
                    "record could not be read: " + e.getClass().getSimpleName(),
                    e);
        }
    }

    private WalletEvent readChecked(ConsumerRecord<String, byte[]> record) {
        checkSizes(record);
        String specVersion = required(record, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new InvalidWalletEvent(
                    Violation.UNSUPPORTED_SPEC_VERSION,
                    CloudEventHeaders.SPEC_VERSION + " must be 1.0, not '" + WalletEventContract.excerpt(specVersion)
                            + "'");
        }
        String id = required(record, CloudEventHeaders.ID);
        if (!WalletEventContract.UUID_FORM.matcher(id).matches()) {
            throw malformed(CloudEventHeaders.ID, "a UUID", id);
        }
        String source = required(record, CloudEventHeaders.SOURCE);
        if (!trustedSources.contains(source)) {
            throw new InvalidWalletEvent(
                    Violation.UNTRUSTED_SOURCE,
                    CloudEventHeaders.SOURCE + " '" + WalletEventContract.excerpt(source)
                            + "' is not a trusted producer; trusted: " + String.join(", ", trustedSources));
        }
        String type = required(record, CloudEventHeaders.TYPE);
        if (!WalletEventContract.TYPES.contains(type)) {
            throw new InvalidWalletEvent(
                    Violation.UNKNOWN_TYPE,
                    CloudEventHeaders.TYPE + " '" + WalletEventContract.excerpt(type, 128)
                            + "' is not a type of the contract; types: "
                            + String.join(", ", WalletEventContract.TYPES));
        }
        String time = required(record, CloudEventHeaders.TIME);
        String contentType = required(record, CloudEventHeaders.CONTENT_TYPE);
        if (!JSON_CONTENT_TYPE.matcher(contentType).matches()) {
            throw malformed(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON, contentType);
        }
        String key = optional(record, CloudEventHeaders.IDEMPOTENCY_KEY);
        if (key != null
                && (key.length() > WalletEventContract.MAX_IDEMPOTENCY_KEY_LENGTH
                        || !PRINTABLE_ASCII.matcher(key).matches())) {
            throw malformed(
                    CloudEventHeaders.IDEMPOTENCY_KEY,
                    "1 to " + WalletEventContract.MAX_IDEMPOTENCY_KEY_LENGTH + " printable ASCII characters",
                    key);
        }
        once(record, CloudEventHeaders.TRACEPARENT);
        Long sequence = sequence(record);
        WalletEvent event = new WalletEvent(
                WalletEventCodec.uuid(CloudEventHeaders.ID, id),
                source,
                type,
                WalletEventCodec.instant(CloudEventHeaders.TIME, time, Violation.MALFORMED_ATTRIBUTE),
                sequence,
                key,
                TopUpAccepted.TYPE.equals(type)
                        ? ofTheWallet(
                                record,
                                sequence,
                                codec::topUpAccepted,
                                TopUpAccepted::walletId,
                                TopUpAccepted::sequence)
                        : null,
                TopUpReversed.TYPE.equals(type)
                        ? ofTheWallet(
                                record,
                                sequence,
                                codec::topUpReversed,
                                TopUpReversed::walletId,
                                TopUpReversed::sequence)
                        : null);
        return event;
    }

    /** A payload that moves a wallet: it has its sequence header, and agrees with it and with the record's key. */
    private static <T> T ofTheWallet(
            ConsumerRecord<String, byte[]> record,
            @Nullable Long sequence,
            Function<byte[], T> read,
            Function<T, UUID> walletOf,
            ToLongFunction<T> sequenceOf) {
        if (sequence == null) {
            throw new InvalidWalletEvent(
                    Violation.MISSING_ATTRIBUTE,
                    "an event that moves a wallet needs the " + CloudEventHeaders.WALLET_SEQUENCE + " header");
        }
        if (record.value() == null) {
            throw new InvalidWalletEvent(
                    Violation.MALFORMED_PAYLOAD, "the record has no value; an event that moves a wallet needs one");
        }
        T payload = read.apply(record.value());
        if (sequenceOf.applyAsLong(payload) != sequence) {
            throw new InvalidWalletEvent(
                    Violation.INCONSISTENT,
                    CloudEventHeaders.WALLET_SEQUENCE + " " + sequence + " disagrees with the payload's sequence "
                            + sequenceOf.applyAsLong(payload));
        }
        UUID wallet = walletOf.apply(payload);
        if (!wallet.toString().equals(record.key())) {
            throw new InvalidWalletEvent(
                    Violation.INCONSISTENT,
                    "the record key must be the payload's walletId " + wallet + ", not '"
                            + (record.key() == null ? "null" : WalletEventContract.excerpt(record.key())) + "'");
        }
        return payload;
    }

    private static void checkSizes(ConsumerRecord<String, byte[]> record) {
        if (record.value() != null && record.value().length > WalletEventContract.MAX_PAYLOAD_BYTES) {
            throw new InvalidWalletEvent(
                    Violation.OVERSIZED,
                    "payload of " + record.value().length + " bytes; at most " + WalletEventContract.MAX_PAYLOAD_BYTES);
        }
        long headerBytes = 0;
        for (Header header : record.headers()) {
            headerBytes += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        if (headerBytes > WalletEventContract.MAX_HEADER_BYTES) {
            throw new InvalidWalletEvent(
                    Violation.OVERSIZED,
                    "headers of " + headerBytes + " bytes; at most " + WalletEventContract.MAX_HEADER_BYTES);
        }
    }

    private static @Nullable Long sequence(ConsumerRecord<String, byte[]> record) {
        String sequence = optional(record, CloudEventHeaders.WALLET_SEQUENCE);
        if (sequence == null) {
            return null;
        }
        if (!SEQUENCE.matcher(sequence).matches()) {
            throw malformed(CloudEventHeaders.WALLET_SEQUENCE, "an integer from 1 to 2^63-1", sequence);
        }
        try {
            return Long.parseLong(sequence);
        } catch (NumberFormatException tooLarge) {
            throw malformed(CloudEventHeaders.WALLET_SEQUENCE, "an integer from 1 to 2^63-1", sequence);
        }
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        String value = optional(record, name);
        if (value == null) {
            throw new InvalidWalletEvent(Violation.MISSING_ATTRIBUTE, "the " + name + " header is required");
        }
        return value;
    }

    /** The header's value, null if absent; a header given without a value counts as absent. */
    private static @Nullable String optional(ConsumerRecord<String, byte[]> record, String name) {
        Header header = once(record, name);
        if (header == null || header.value() == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header.value()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidWalletEvent(Violation.MALFORMED_ATTRIBUTE, "the " + name + " header is not UTF-8", e);
        }
    }

    private static @Nullable Header once(ConsumerRecord<String, byte[]> record, String name) {
        Header found = null;
        for (Header header : record.headers().headers(name)) {
            if (found != null) {
                throw new InvalidWalletEvent(
                        Violation.REPEATED_ATTRIBUTE, "the " + name + " header appears more than once");
            }
            found = header;
        }
        return found;
    }

    private static InvalidWalletEvent malformed(String header, String expected, String actual) {
        return new InvalidWalletEvent(
                Violation.MALFORMED_ATTRIBUTE,
                "the " + header + " header must be " + expected + ", not '" + WalletEventContract.excerpt(actual)
                        + "'");
    }
}
