package com.outboxwallet.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WalletEventReaderTest {

    private static final String RELAY = "/outbox-wallet/api-service";
    private static final UUID WALLET = UUID.fromString("d6b801c8-a417-407b-bbea-7ff3c4b3bbe0");
    private static final String PAYLOAD = """
            {"topUpId":"49fcd262-f6df-40f0-8694-7de5c5b8b124","walletId":"d6b801c8-a417-407b-bbea-7ff3c4b3bbe0",\
            "userId":"0b6f7c1e-1d7a-4a51-9a1a-5a3b8a7f2c11","amount":"150000.00","currency":"IDR",\
            "balanceAfter":"150000.00","sequence":7,"occurredAt":"2026-11-25T06:28:50.570430Z"}""";

    private final WalletEventReader reader = new WalletEventReader(Set.of(RELAY));

    /** A top-up record exactly as the relay writes it; each test changes one thing. */
    static RecordBuilder aTopUpRecord() {
        return new RecordBuilder()
                .header(CloudEventHeaders.SPEC_VERSION, "1.0")
                .header(CloudEventHeaders.ID, "6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09")
                .header(CloudEventHeaders.SOURCE, RELAY)
                .header(CloudEventHeaders.TYPE, TopUpAccepted.TYPE)
                .header(CloudEventHeaders.TIME, "2026-11-25T06:28:50.570430Z")
                .header(CloudEventHeaders.CONTENT_TYPE, "application/json")
                .header(CloudEventHeaders.WALLET_SEQUENCE, "7")
                .header(CloudEventHeaders.IDEMPOTENCY_KEY, "readme-topup-1")
                .header(CloudEventHeaders.TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .key(WALLET.toString())
                .value(PAYLOAD);
    }

    @Test
    void aRecordAsTheRelayWritesItIsReadWithEveryAttribute() {
        WalletEvent event = reader.read(aTopUpRecord().build());

        assertThat(event.id()).isEqualTo(UUID.fromString("6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09"));
        assertThat(event.type()).isEqualTo(TopUpAccepted.TYPE);
        assertThat(event.source()).isEqualTo(RELAY);
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-25T06:28:50.570430Z"));
        assertThat(event.walletSequence()).isEqualTo(7L);
        assertThat(event.idempotencyKey()).isEqualTo("readme-topup-1");
        assertThat(event.topUp()).isNotNull();
        assertThat(event.topUp().amount()).isEqualByComparingTo("150000.00");
        assertThat(event.topUp().walletId()).isEqualTo(WALLET);
    }

    @Test
    void whatTheCodecWritesTheReaderReads() {
        TopUpAccepted topUp = new TopUpAccepted(
                UUID.randomUUID(),
                WALLET,
                UUID.randomUUID(),
                new BigDecimal("0.01"),
                "IDR",
                new BigDecimal("9999999999999.99"),
                7,
                Instant.parse("2026-11-25T06:00:00.123456Z"));

        WalletEvent event = reader.read(
                aTopUpRecord().value(new WalletEventCodec().toJson(topUp)).build());

        assertThat(event.topUp()).isEqualTo(topUp);
    }

    @Test
    void fieldsAndHeadersAddedByANewerProducerAreIgnored() {
        WalletEvent event = reader.read(aTopUpRecord()
                .value(PAYLOAD.replaceFirst("\\{", "{\"addedLater\":{\"nested\":[1,2]},"))
                .header("ce_addedlater", "x")
                .build());

        assertThat(event.topUp().currency()).isEqualTo("IDR");
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                broken(
                        "ce_id with no value (kcat -H ce_id)",
                        r -> r.nullHeader(CloudEventHeaders.ID),
                        Violation.MISSING_ATTRIBUTE,
                        "ce_id"),
                broken("no ce_type", r -> r.without(CloudEventHeaders.TYPE), Violation.MISSING_ATTRIBUTE, "ce_type"),
                broken(
                        "no ce_source",
                        r -> r.without(CloudEventHeaders.SOURCE),
                        Violation.MISSING_ATTRIBUTE,
                        "ce_source"),
                broken("no ce_time", r -> r.without(CloudEventHeaders.TIME), Violation.MISSING_ATTRIBUTE, "ce_time"),
                broken(
                        "no ce_specversion",
                        r -> r.without(CloudEventHeaders.SPEC_VERSION),
                        Violation.MISSING_ATTRIBUTE,
                        "ce_specversion"),
                broken(
                        "a top-up without ce_walletsequence",
                        r -> r.without(CloudEventHeaders.WALLET_SEQUENCE),
                        Violation.MISSING_ATTRIBUTE,
                        "ce_walletsequence"),
                broken(
                        "ce_id twice",
                        r -> r.header(CloudEventHeaders.ID, "7f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09"),
                        Violation.REPEATED_ATTRIBUTE,
                        "ce_id"),
                broken(
                        "traceparent twice",
                        r -> r.header(CloudEventHeaders.TRACEPARENT, "00-x"),
                        Violation.REPEATED_ATTRIBUTE,
                        "traceparent"),
                broken(
                        "ce_specversion 0.3",
                        r -> r.replace(CloudEventHeaders.SPEC_VERSION, "0.3"),
                        Violation.UNSUPPORTED_SPEC_VERSION,
                        "1.0"),
                broken(
                        "ce_id not a UUID",
                        r -> r.replace(CloudEventHeaders.ID, "1-1-1-1-1"),
                        Violation.MALFORMED_ATTRIBUTE,
                        "UUID"),
                broken(
                        "ce_source of another producer",
                        r -> r.replace(CloudEventHeaders.SOURCE, "/someone/else"),
                        Violation.UNTRUSTED_SOURCE,
                        "/someone/else"),
                broken(
                        "a type outside the contract",
                        r -> r.replace(CloudEventHeaders.TYPE, "com.outboxwallet.wallet.topup.accepted.v2"),
                        Violation.UNKNOWN_TYPE,
                        "accepted.v2"),
                broken(
                        "ce_time not an instant",
                        r -> r.replace(CloudEventHeaders.TIME, "yesterday"),
                        Violation.MALFORMED_ATTRIBUTE,
                        "ISO-8601"),
                broken(
                        "ce_walletsequence not a number",
                        r -> r.replace(CloudEventHeaders.WALLET_SEQUENCE, "7a"),
                        Violation.MALFORMED_ATTRIBUTE,
                        "ce_walletsequence"),
                broken(
                        "ce_walletsequence past a long",
                        r -> r.replace(CloudEventHeaders.WALLET_SEQUENCE, "9999999999999999999"),
                        Violation.MALFORMED_ATTRIBUTE,
                        "ce_walletsequence"),
                broken(
                        "ce_walletsequence 0",
                        r -> r.replace(CloudEventHeaders.WALLET_SEQUENCE, "0"),
                        Violation.MALFORMED_ATTRIBUTE,
                        "ce_walletsequence"),
                broken(
                        "a header that is not UTF-8",
                        r -> r.replaceBytes(CloudEventHeaders.SOURCE, new byte[] {(byte) 0xC3, (byte) 0x28}),
                        Violation.MALFORMED_ATTRIBUTE,
                        "UTF-8"),
                broken(
                        "an idempotency key with a line break",
                        r -> r.replace(CloudEventHeaders.IDEMPOTENCY_KEY, "a\nb"),
                        Violation.MALFORMED_ATTRIBUTE,
                        "printable ASCII"),
                broken(
                        "an idempotency key of 256 characters",
                        r -> r.replace(CloudEventHeaders.IDEMPOTENCY_KEY, "k".repeat(256)),
                        Violation.MALFORMED_ATTRIBUTE,
                        "255"),
                broken(
                        "content-type text/plain",
                        r -> r.replace(CloudEventHeaders.CONTENT_TYPE, "text/plain"),
                        Violation.MALFORMED_ATTRIBUTE,
                        "application/json"),
                broken(
                        "9 KiB of headers",
                        r -> r.header("x-padding", "p".repeat(9 * 1024)),
                        Violation.OVERSIZED,
                        "headers"),
                broken("a megabyte of text", r -> r.value("a".repeat(1024 * 1024)), Violation.OVERSIZED, "payload"),
                broken("no value", r -> r.value((byte[]) null), Violation.MALFORMED_PAYLOAD, "no value"),
                broken("not JSON", r -> r.value("{not json"), Violation.MALFORMED_PAYLOAD, "not JSON"),
                broken(
                        "not UTF-8",
                        r -> r.value(new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'}),
                        Violation.MALFORMED_PAYLOAD,
                        "not JSON"),
                broken(
                        "JSON nested 17 deep",
                        r -> r.value("[".repeat(17) + "]".repeat(17)),
                        Violation.MALFORMED_PAYLOAD,
                        "not JSON"),
                broken("a JSON array", r -> r.value("[]"), Violation.MALFORMED_PAYLOAD, "object"),
                broken(
                        "a field given twice",
                        r -> r.value(PAYLOAD.replace("{", "{\"amount\":\"1.00\",")),
                        Violation.MALFORMED_PAYLOAD,
                        "not JSON"),
                broken(
                        "the amount missing",
                        r -> r.value(PAYLOAD.replace("\"amount\":\"150000.00\",", "")),
                        Violation.MALFORMED_PAYLOAD,
                        "amount"),
                broken(
                        "amount and balance 1E+2147483647",
                        r -> r.value(PAYLOAD.replace("\"150000.00\"", "\"1E+2147483647\"")),
                        Violation.INVALID_AMOUNT,
                        "exponent"),
                broken(
                        "the amount as a JSON number",
                        r -> r.value(PAYLOAD.replace("\"amount\":\"150000.00\"", "\"amount\":1E+2147483647")),
                        Violation.MALFORMED_PAYLOAD,
                        "amount must be a JSON string"),
                broken(
                        "a negative amount",
                        r -> r.value(PAYLOAD.replace("\"amount\":\"150000.00\"", "\"amount\":\"-1.00\"")),
                        Violation.INVALID_AMOUNT,
                        "amount"),
                broken(
                        "a zero amount",
                        r -> r.value(PAYLOAD.replace("\"amount\":\"150000.00\"", "\"amount\":\"0.00\"")),
                        Violation.INVALID_AMOUNT,
                        "positive"),
                broken(
                        "three fraction digits",
                        r -> r.value(PAYLOAD.replace("\"amount\":\"150000.00\"", "\"amount\":\"1.001\"")),
                        Violation.INVALID_AMOUNT,
                        "amount"),
                broken(
                        "fourteen integer digits",
                        r -> r.value(PAYLOAD.replace("\"150000.00\"", "\"10000000000000.00\"")),
                        Violation.INVALID_AMOUNT,
                        "amount"),
                broken(
                        "a balance below the amount",
                        r -> r.value(PAYLOAD.replace("\"balanceAfter\":\"150000.00\"", "\"balanceAfter\":\"1.00\"")),
                        Violation.INVALID_AMOUNT,
                        "balanceAfter"),
                broken(
                        "currency idr",
                        r -> r.value(PAYLOAD.replace("IDR", "idr")),
                        Violation.INVALID_CURRENCY,
                        "ISO 4217"),
                broken(
                        "currency of four letters",
                        r -> r.value(PAYLOAD.replace("IDR", "IDRX")),
                        Violation.INVALID_CURRENCY,
                        "ISO 4217"),
                broken(
                        "the sequence as a string",
                        r -> r.value(PAYLOAD.replace("\"sequence\":7", "\"sequence\":\"7\"")),
                        Violation.MALFORMED_PAYLOAD,
                        "sequence"),
                broken(
                        "the sequence as 1e300",
                        r -> r.value(PAYLOAD.replace("\"sequence\":7", "\"sequence\":1e300")),
                        Violation.MALFORMED_PAYLOAD,
                        "sequence"),
                broken(
                        "a walletId that is not a UUID",
                        r -> r.value(PAYLOAD.replace(
                                "\"walletId\":\"d6b801c8-a417-407b-bbea-7ff3c4b3bbe0\"", "\"walletId\":\"w1\"")),
                        Violation.MALFORMED_PAYLOAD,
                        "walletId"),
                broken(
                        "occurredAt in the year 10000",
                        r -> r.value(PAYLOAD.replace("2026-11-25T06:28:50.570430Z", "+10000-01-01T00:00:00Z")),
                        Violation.MALFORMED_PAYLOAD,
                        "9999"),
                broken(
                        "the header sequence not the payload's",
                        r -> r.replace(CloudEventHeaders.WALLET_SEQUENCE, "8"),
                        Violation.INCONSISTENT,
                        "disagrees"),
                broken(
                        "keyed by another wallet",
                        r -> r.key(UUID.randomUUID().toString()),
                        Violation.INCONSISTENT,
                        "key"),
                broken("no key", r -> r.key(null), Violation.INCONSISTENT, "key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void aRecordThatBreaksTheContractIsRefusedWithItsViolationAndWhatWasExpected(
            String name, UnaryOperator<RecordBuilder> change, Violation violation, String message) {
        ConsumerRecord<String, byte[]> record = change.apply(aTopUpRecord()).build();

        assertThatThrownBy(() -> reader.read(record))
                .isInstanceOfSatisfying(
                        InvalidWalletEvent.class, e -> assertThat(e.violation()).isEqualTo(violation))
                .hasMessageContaining(message);
    }

    @Test
    void aMessageQuotesAtMostAShortPrefixOfWhatTheRecordCarried() {
        ConsumerRecord<String, byte[]> record = aTopUpRecord()
                .replace(CloudEventHeaders.SOURCE, "s".repeat(4000))
                .build();

        assertThatThrownBy(() -> reader.read(record))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    private static Arguments broken(
            String name, UnaryOperator<RecordBuilder> change, Violation violation, String message) {
        return Arguments.of(name, change, violation, message);
    }

    /** A consumer record under construction, headers in order, as a broker would deliver it. */
    static final class RecordBuilder {

        private final RecordHeaders headers = new RecordHeaders();
        private String key;
        private byte[] value;

        RecordBuilder header(String name, String value) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        RecordBuilder nullHeader(String name) {
            headers.remove(name);
            headers.add(name, null);
            return this;
        }

        RecordBuilder without(String name) {
            headers.remove(name);
            return this;
        }

        RecordBuilder replace(String name, String value) {
            return replaceBytes(name, value.getBytes(StandardCharsets.UTF_8));
        }

        RecordBuilder replaceBytes(String name, byte[] value) {
            headers.remove(name);
            headers.add(name, value);
            return this;
        }

        RecordBuilder key(String key) {
            this.key = key;
            return this;
        }

        RecordBuilder value(String value) {
            return value(value.getBytes(StandardCharsets.UTF_8));
        }

        RecordBuilder value(byte[] value) {
            this.value = value;
            return this;
        }

        ConsumerRecord<String, byte[]> build() {
            return new ConsumerRecord<>(
                    WalletTopics.WALLET_EVENTS,
                    0,
                    17,
                    0L,
                    TimestampType.CREATE_TIME,
                    -1,
                    value == null ? -1 : value.length,
                    key,
                    value,
                    headers,
                    Optional.empty());
        }
    }
}
