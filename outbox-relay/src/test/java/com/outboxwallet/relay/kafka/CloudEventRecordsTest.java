package com.outboxwallet.relay.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.events.CloudEventHeaders;
import com.outboxwallet.events.OutboxMessage;
import com.outboxwallet.relay.RelayProperties;
import com.outboxwallet.relay.outbox.OutboxRow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class CloudEventRecordsTest {

    private final CloudEventRecords records = new CloudEventRecords(new RelayProperties(
            null,
            "relay-1",
            new RelayProperties.Topic("wallet.events", 6, (short) 1, null, 1),
            new RelayProperties.Polling(200, Duration.ofMillis(50), Duration.ofSeconds(10)),
            new RelayProperties.CloudEvents("/outbox-wallet/api-service"),
            null,
            null,
            null,
            null));

    @Test
    void recordIsKeyedByWalletSoOneWalletKeepsItsOrder() {
        OutboxRow row = aRow("key-1");

        ProducerRecord<String, byte[]> record = records.toRecord(row);

        assertThat(record.topic()).isEqualTo("wallet.events");
        assertThat(record.key()).isEqualTo(row.message().aggregateId().toString());
        assertThat(record.partition()).isNull();
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .isEqualTo(row.message().payload());
    }

    @Test
    void cloudEventAttributesTravelAsBinaryModeHeaders() {
        OutboxRow row = aRow("key-1");

        ProducerRecord<String, byte[]> record = records.toRecord(row);

        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.ID))
                .isEqualTo(row.message().eventId().toString());
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/outbox-wallet/api-service");
        assertThat(header(record, CloudEventHeaders.TYPE))
                .isEqualTo(row.message().eventType());
        assertThat(header(record, CloudEventHeaders.TIME)).isEqualTo("2026-11-25T06:28:50.570430Z");
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(header(record, CloudEventHeaders.WALLET_SEQUENCE)).isEqualTo("7");
        assertThat(header(record, CloudEventHeaders.IDEMPOTENCY_KEY)).isEqualTo("key-1");
        assertThat(header(record, CloudEventHeaders.TRACEPARENT))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void eventWithoutIdempotencyKeyOrTraceCarriesNoEmptyHeader() {
        ProducerRecord<String, byte[]> record = records.toRecord(aRow(null, null));

        assertThat(record.headers().lastHeader(CloudEventHeaders.IDEMPOTENCY_KEY))
                .isNull();
        assertThat(record.headers().lastHeader(CloudEventHeaders.TRACEPARENT)).isNull();
    }

    private static OutboxRow aRow(String idempotencyKey) {
        return aRow(idempotencyKey, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    private static OutboxRow aRow(String idempotencyKey, String traceparent) {
        return new OutboxRow(
                42L,
                new OutboxMessage(
                        UUID.randomUUID(),
                        "wallet",
                        UUID.randomUUID(),
                        "com.outboxwallet.wallet.topup.accepted.v1",
                        "{\"amount\":\"150000.00\"}",
                        idempotencyKey,
                        7L,
                        Instant.parse("2026-11-25T06:28:50.570430Z"),
                        traceparent));
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
